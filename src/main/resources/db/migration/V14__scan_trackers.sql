-- Trackers a scan saw on the site's pages, with the hosts a banner blocks until their category is granted.

CREATE TABLE scan_trackers (
    scan_id     uuid   NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    tracker     text   NOT NULL,
    vendor      text   NOT NULL,
    category    text   NOT NULL CHECK (category IN ('analytical', 'marketing')),
    account_id  text,
    page        text   NOT NULL,
    via         text   NOT NULL,
    evidence    text   NOT NULL,
    hosts       text[] NOT NULL,
    PRIMARY KEY (scan_id, position)
);
