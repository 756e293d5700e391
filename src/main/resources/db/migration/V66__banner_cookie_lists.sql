-- The cookie and script-host lists a site's banner shows, as the scanner last published them (its latest finished
-- scan with the owner's overrides on top). The site package owns this copy, so building a banner never reads the
-- scanner's tables; sites created before this table get theirs from the scanner at start-up (BannerListsBackfill).
CREATE TABLE banner_cookie_lists (
    site_id    uuid PRIMARY KEY REFERENCES sites (id),
    lists      text        NOT NULL,
    updated_at timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON banner_cookie_lists TO "${service_role}";
