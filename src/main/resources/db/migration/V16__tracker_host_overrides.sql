-- Script hosts the site owner declares: a tracker of a category (the banner holds its scripts until that category
-- is granted), or 'functional' for a host that is no tracker. They win over the hosts the scanner finds.

CREATE TABLE tracker_host_overrides (
    site_id    uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    host       text        NOT NULL,
    category   text        NOT NULL CHECK (category IN ('functional', 'analytical', 'marketing')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (site_id, host)
);
