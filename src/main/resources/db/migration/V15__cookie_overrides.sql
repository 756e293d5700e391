-- The site owner's own classification of a cookie name; it wins over everything the scanner decides.

CREATE TABLE cookie_overrides (
    site_id    uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    category   text        NOT NULL CHECK (category IN ('functional', 'analytical', 'marketing')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (site_id, name)
);
