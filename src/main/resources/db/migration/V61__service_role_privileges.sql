-- Least privilege. Migrations run as the owner of the schema; the service runs as its own role (service_role),
-- which may add consent records and checkpoints but never change or remove them, nor touch the triggers that guard
-- them (only an owner may ALTER or DROP them). The retention purge runs inside consent_records_purge, owned by the
-- owner, the only way left to delete a record.
--
-- Grants are spelled out here and in every later migration that adds a table, rather than by default privileges:
-- a table forgotten is refused to the service (the tests run as the service role and show it), where a default
-- would silently give the next append-only table full DML.

-- A DELETE passes the append-only trigger only inside the purge function: the setting alone is no longer enough,
-- the statement must also run as the table's owner (the function's owner, through SECURITY DEFINER).
CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('akkoord.purge', true) = 'on'
            AND current_user = (SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c
                                 WHERE c.oid = TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'consent records are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The retention purge, with its own rules: the cutoff is the database's clock less the site's retention (never less
-- than the 30 days a site may choose), and the chain is cut just before the first record still within retention, so
-- a younger record stamped by an instance whose clock ran behind is never removed. The last removed record becomes
-- the chain's anchor; the caller signs it in the same transaction. The head lock serialises purges of a site.
CREATE FUNCTION consent_records_purge(p_site uuid)
    RETURNS TABLE (anchor_seq bigint, anchor_hash text, deleted bigint, cutoff timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    v_head bigint;
    v_days integer;
    v_last bigint;
BEGIN
    SELECT h.seq INTO v_head FROM consent_chain_heads h WHERE h.site_id = p_site FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT greatest(30, coalesce((s.settings::jsonb ->> 'consentRetentionDays')::integer, 3650)) INTO v_days
      FROM sites s WHERE s.id = p_site;
    cutoff := now() - make_interval(days => coalesce(v_days, 3650));
    SELECT r.seq - 1 INTO v_last FROM consent_records r
     WHERE r.site_id = p_site AND r.recorded_at >= cutoff ORDER BY r.seq LIMIT 1;
    IF NOT FOUND THEN
        v_last := v_head;
    END IF;
    SELECT r.seq, r.hash INTO anchor_seq, anchor_hash FROM consent_records r
     WHERE r.site_id = p_site AND r.seq <= v_last ORDER BY r.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO consent_chain_anchors AS a (site_id, seq, hash, purged_at)
    VALUES (p_site, anchor_seq, anchor_hash, now())
    ON CONFLICT (site_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, purged_at = EXCLUDED.purged_at;
    PERFORM set_config('akkoord.purge', 'on', true);
    DELETE FROM consent_records r WHERE r.site_id = p_site AND r.seq <= anchor_seq;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('akkoord.purge', 'off', true);
    RETURN NEXT;
END;
$$;

-- The daily counts follow the records through their trigger; run as the owner, so the service needs no write
-- access to the statistics.
ALTER FUNCTION consent_daily_counts_add() SECURITY DEFINER SET search_path = "${flyway:defaultSchema}", pg_temp;

-- Functions are executable by everyone unless said otherwise.
REVOKE ALL ON FUNCTION consent_records_purge(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION consent_daily_counts_add() FROM PUBLIC;

-- Whatever the service role was given before (an installation that ran as one role) goes, unless it is the owner
-- itself: an owner that revoked its own rights would lock itself out.
DO $$
BEGIN
    IF '${service_role}' <> current_user THEN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', '${flyway:defaultSchema}', '${service_role}');
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', '${flyway:defaultSchema}', '${service_role}');
        EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA %I FROM %I', '${flyway:defaultSchema}', '${service_role}');
    END IF;
END $$;

GRANT USAGE ON SCHEMA "${flyway:defaultSchema}" TO "${service_role}";

-- The ledger: append and read. The head moves with every append; anchors only the purge function writes.
GRANT SELECT, INSERT ON consent_records, consent_checkpoints TO "${service_role}";
GRANT USAGE ON SEQUENCE consent_records_id_seq, consent_checkpoints_id_seq TO "${service_role}";
GRANT SELECT, INSERT, UPDATE ON consent_chain_heads TO "${service_role}";
GRANT SELECT ON consent_chain_anchors, consent_daily_counts TO "${service_role}";
GRANT EXECUTE ON FUNCTION consent_records_purge(uuid) TO "${service_role}";

-- Everything else the service manages through its API.
GRANT SELECT, INSERT, UPDATE, DELETE ON
    sites, site_api_keys, banner_versions,
    scans, scan_pages, scan_cookies, scan_errors, scan_trackers, scan_browser_pages, scan_requests,
    cookie_overrides, tracker_host_overrides,
    dashboard_accounts, dashboard_grants, dashboard_sessions,
    widget_demo_site
    TO "${service_role}";
