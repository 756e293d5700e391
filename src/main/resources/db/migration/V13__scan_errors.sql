-- What went wrong during a scan, per URL (refused addresses, time-outs, oversized pages, robots.txt exclusions …).

CREATE TABLE scan_errors (
    scan_id  uuid    NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    position integer NOT NULL,
    kind     text    NOT NULL,
    url      text,
    detail   text    NOT NULL,
    PRIMARY KEY (scan_id, position)
);
