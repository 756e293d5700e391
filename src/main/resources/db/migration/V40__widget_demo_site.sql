-- Which site is the built-in demo (/demo). One row at most; the site is created on first start.
CREATE TABLE widget_demo_site (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    site_id     uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
