-- Sites, their API keys and every banner version ever shown.

CREATE TABLE sites (
    id                     uuid        PRIMARY KEY,
    name                   text        NOT NULL,
    domains                text        NOT NULL,
    settings               text        NOT NULL,
    current_banner_version text        NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);

CREATE TABLE site_api_keys (
    id          uuid        PRIMARY KEY,
    site_id     uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    key_hash    text        NOT NULL UNIQUE,
    label       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX site_api_keys_site ON site_api_keys (site_id);

-- A banner version is the hash of everything a visitor is shown. Versions are never changed or removed while the
-- site exists, so every consent record can be traced to the exact texts and categories it was given on.
CREATE TABLE banner_versions (
    site_id     uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    version     text        NOT NULL,
    content     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (site_id, version)
);
