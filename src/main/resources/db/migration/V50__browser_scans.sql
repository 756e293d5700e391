-- Browser scans. Each scan says how it looked at the site (in headless Chromium, or the static crawl alone and
-- why), what the browser saw of each cookie (never its value), each page's banner and consent journeys, and the
-- requests pages made to hosts outside the site, per phase of the journeys.

ALTER TABLE scans
    ADD COLUMN method      text NOT NULL DEFAULT 'static' CHECK (method IN ('static', 'browser')),
    ADD COLUMN method_note text,
    ADD COLUMN headline    text;

-- setter, journeys, set before consent / after reject / under GPC / only after accept, size, value length and shape
ALTER TABLE scan_cookies ADD COLUMN seen jsonb;

CREATE TABLE scan_browser_pages (
    scan_id         uuid    NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    url             text    NOT NULL,
    final_url       text    NOT NULL,
    status          integer NOT NULL,
    banner          boolean,            -- null: the page did not load
    journeys        text[]  NOT NULL,
    local_storage   text[]  NOT NULL,
    session_storage text[]  NOT NULL,
    indexed_db      text[]  NOT NULL,
    problem         text,
    -- hosts outside the site contacted without consent (before a decision, after a rejection, under GPC)
    outside_hosts   text[]  NOT NULL,
    PRIMARY KEY (scan_id, position)
);

CREATE TABLE scan_requests (
    scan_id   uuid    NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    host      text    NOT NULL,
    phase     text    NOT NULL CHECK (phase IN ('before-consent', 'after-reject', 'after-accept', 'under-gpc')),
    example   text    NOT NULL,
    page      text    NOT NULL,
    requests  integer NOT NULL,
    pages     integer NOT NULL,
    category  text,
    vendor    text,
    -- a tracker host contacted before consent, after a rejection or under GPC
    violation boolean NOT NULL,
    PRIMARY KEY (scan_id, position)
);
