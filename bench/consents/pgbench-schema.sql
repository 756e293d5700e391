-- The pgbench side's own table, a copy of consent_records' columns and indexes (no triggers: they fire only on
-- UPDATE, DELETE and TRUNCATE, which neither side does).
DROP TABLE IF EXISTS bench_consent_records;
CREATE TABLE bench_consent_records (
    id             bigserial   PRIMARY KEY,
    site_id        uuid        NOT NULL,
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
    hash           text        NOT NULL
);
CREATE INDEX bench_consent_records_site_seq ON bench_consent_records (site_id, seq);
CREATE INDEX bench_consent_records_consent_id ON bench_consent_records (consent_id);
CREATE INDEX bench_consent_records_site_time ON bench_consent_records (site_id, recorded_at);
