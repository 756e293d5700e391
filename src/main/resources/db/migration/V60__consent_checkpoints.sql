-- Signed checkpoints of each site's chain: where it stood (seq and hash) at a moment, signed with a key that is not in
-- the database. Whoever can rewrite the records and recompute the chain still cannot sign a new checkpoint, so the
-- checkpoints signed before a rewrite give it away. 'head' is a chain end seen by the checkpointer, 'anchor' the
-- start a retention purge left.
CREATE TABLE consent_checkpoints (
    id        bigserial   PRIMARY KEY,
    site_id   uuid        NOT NULL REFERENCES sites (id),
    kind      text        NOT NULL CHECK (kind IN ('head', 'anchor')),
    seq       bigint      NOT NULL,
    hash      text        NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature text        NOT NULL,
    UNIQUE (site_id, kind, seq, key_id)
);

-- Append-only, like the records they vouch for.
CREATE TRIGGER consent_checkpoints_no_update BEFORE UPDATE ON consent_checkpoints
    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER consent_checkpoints_no_delete BEFORE DELETE ON consent_checkpoints
    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER consent_checkpoints_no_truncate BEFORE TRUNCATE ON consent_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
