-- The pages a scan fetched, in the order they finished.

CREATE TABLE scan_pages (
    scan_id      uuid    NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    url          text    NOT NULL,
    final_url    text    NOT NULL,
    depth        integer NOT NULL,
    status       integer NOT NULL,
    content_type text    NOT NULL,
    parsed       boolean NOT NULL,
    PRIMARY KEY (scan_id, position)
);
