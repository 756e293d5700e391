-- The cookies a scan found, one row per name and domain: observed in a Set-Cookie header, or inferred from a
-- tracker on a page (cookies written by JavaScript are invisible to a static crawl).

CREATE TABLE scan_cookies (
    scan_id          uuid             NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    name             text             NOT NULL,
    domain           text             NOT NULL,
    found            text             NOT NULL CHECK (found IN ('observed', 'inferred')),
    host_only        boolean          NOT NULL,
    path             text,
    expires_at       timestamptz,
    lifetime_seconds bigint,
    secure           boolean          NOT NULL,
    http_only        boolean          NOT NULL,
    same_site        text,
    third_party      boolean          NOT NULL,
    first_page       text             NOT NULL,
    set_by           text,
    category         text             NOT NULL CHECK (category IN ('functional', 'analytical', 'marketing', 'unclassified')),
    confidence       double precision NOT NULL,
    source           text             NOT NULL,
    vendor           text,
    purpose          text,
    lifetime         text,
    -- An observed analytical or marketing cookie: the crawler never consents, so it was set before consent.
    violation        boolean          NOT NULL,
    evidence         text             NOT NULL,
    PRIMARY KEY (scan_id, name, domain)
);
