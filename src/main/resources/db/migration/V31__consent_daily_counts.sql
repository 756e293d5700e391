-- Pre-aggregated consent counts per site, day (UTC), action and granted categories, so analytics over months read
-- a few hundred rows instead of scanning the ledger. Kept current by a statement-level trigger: the ledger inserts
-- each batch in one statement, so a batch costs one grouped upsert. The retention purge deletes records but not
-- counts: statistics outlive the evidence they were made from.

CREATE TABLE consent_daily_counts (
    site_id    uuid    NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    day        date    NOT NULL,
    action     text    NOT NULL,
    analytical boolean NOT NULL,
    marketing  boolean NOT NULL,
    count      bigint  NOT NULL,
    PRIMARY KEY (site_id, day, action, analytical, marketing)
);

CREATE FUNCTION consent_daily_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO consent_daily_counts AS c (site_id, day, action, analytical, marketing, count)
    SELECT site_id, (recorded_at AT TIME ZONE 'UTC')::date, action, analytical, marketing, count(*)
      FROM new_records
     GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (site_id, day, action, analytical, marketing) DO UPDATE SET count = c.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER consent_records_count AFTER INSERT ON consent_records
    REFERENCING NEW TABLE AS new_records
    FOR EACH STATEMENT EXECUTE FUNCTION consent_daily_counts_add();

-- Records stored before this migration.
INSERT INTO consent_daily_counts (site_id, day, action, analytical, marketing, count)
SELECT site_id, (recorded_at AT TIME ZONE 'UTC')::date, action, analytical, marketing, count(*)
  FROM consent_records
 GROUP BY 1, 2, 3, 4, 5;
