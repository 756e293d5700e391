-- Dashboard accounts (operators and site owners), which sites an owner may see, and server-side sessions.

CREATE TABLE dashboard_accounts (
    id                   uuid        PRIMARY KEY,
    -- Lower-cased e-mail address; 'admin' only for the first operator until it sets its own address.
    email                text        NOT NULL UNIQUE,
    password_hash        text        NOT NULL,
    role                 text        NOT NULL CHECK (role IN ('operator', 'owner')),
    -- Set for the first operator and for accounts created with a temporary password.
    must_change_password boolean     NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE TABLE dashboard_grants (
    account_id uuid        NOT NULL REFERENCES dashboard_accounts (id) ON DELETE CASCADE,
    site_id    uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, site_id)
);
CREATE INDEX dashboard_grants_site ON dashboard_grants (site_id);

-- The cookie holds a random id; only its SHA-256 is stored, so a copy of this table opens no session.
CREATE TABLE dashboard_sessions (
    id_hash      text        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES dashboard_accounts (id) ON DELETE CASCADE,
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
CREATE INDEX dashboard_sessions_account ON dashboard_sessions (account_id);
CREATE INDEX dashboard_sessions_last_seen ON dashboard_sessions (last_seen_at);
