-- The pgbench side's own table, a copy of consent_records' columns and indexes. Without consent_records'
-- triggers: those on UPDATE, DELETE and TRUNCATE never fire here, and the one that keeps the per-day counts on
-- INSERT (V31) is work only the service's side pays for, so leaving it out can only favour pgbench.
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
