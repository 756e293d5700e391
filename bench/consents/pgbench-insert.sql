-- pgbench transaction: one single-row INSERT into a table shaped like consent_records (same columns, same
-- indexes), with values of the same sizes as the service writes. One row, one commit, one WAL flush.
\set seq random(1, 1000000000000)
INSERT INTO bench_consent_records (site_id, seq, consent_id, recorded_at, action, analytical, marketing,
    banner_version, language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash)
VALUES ('7d1f3b9e-5a41-4c36-9d8e-0b6f2a9c1e11', :seq, md5(random()::text), now(), 'custom', true, false,
    'c0ffee00c0ffee00c0ffee00c0ffee00', 'nl', 'https://www.example.test/products/42', false, '127.0.0.0',
    'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text));
