-- Consent records: append-only legal evidence, hash-chained per site.

CREATE TABLE consent_records (
    id             bigserial   PRIMARY KEY,
    site_id        uuid        NOT NULL REFERENCES sites (id),
    seq            bigint      NOT NULL,
    consent_id     text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    action         text        NOT NULL,
    analytical     boolean     NOT NULL,
    marketing      boolean     NOT NULL,
    banner_version text        NOT NULL,
    language       text,
    page_url       text,
    gpc            boolean     NOT NULL,
    ip_truncated   text,
    user_agent     text,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL,
    UNIQUE (site_id, seq)
);
CREATE INDEX consent_records_consent_id ON consent_records (consent_id);
CREATE INDEX consent_records_site_time ON consent_records (site_id, recorded_at);

-- The end of each site's chain; locked by every writer, so appends to one site are serialised across instances.
CREATE TABLE consent_chain_heads (
    site_id  uuid   PRIMARY KEY REFERENCES sites (id),
    seq      bigint NOT NULL,
    hash     text   NOT NULL
);

-- Where verification starts after a retention purge removed the beginning of a chain.
CREATE TABLE consent_chain_anchors (
    site_id   uuid        PRIMARY KEY REFERENCES sites (id),
    seq       bigint      NOT NULL,
    hash      text        NOT NULL,
    purged_at timestamptz NOT NULL
);

-- The database itself keeps the records append-only: no UPDATE ever, and DELETE only inside the retention purge,
-- which announces itself with SET LOCAL akkoord.purge = 'on'.
CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('akkoord.purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'consent records are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
    FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
