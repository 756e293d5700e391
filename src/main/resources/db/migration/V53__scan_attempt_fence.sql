-- scans.attempts is the fencing token of a scan: starting a scan, or taking over one whose worker went quiet, bumps
-- it, and a worker's writes for the scan (progress, findings, the end) land only while its number is the current
-- one. A number that went back would let a superseded worker write again, so the database keeps it from going back.

CREATE FUNCTION scans_attempts_only_grow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.attempts < OLD.attempts THEN
        RAISE EXCEPTION 'scans.attempts is a fencing token and never goes back (% to %)', OLD.attempts, NEW.attempts
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER scans_attempts_fence BEFORE UPDATE OF attempts ON scans
    FOR EACH ROW EXECUTE FUNCTION scans_attempts_only_grow();

COMMENT ON COLUMN scans.attempts IS 'Attempts so far; the latest is the fencing token a worker''s writes must carry';
