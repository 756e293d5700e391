-- A scan ends done, partial (some pages or domains could not be read; its cookie list stands) or failed (no start
-- page could be read; the site's last good cookie list stays the current one). failure_kind says why, in a word
-- the dashboard and alerts can rely on; failure keeps the sentence for people.
ALTER TABLE scans DROP CONSTRAINT scans_status_check;
ALTER TABLE scans ADD CONSTRAINT scans_status_check
    CHECK (status IN ('queued', 'running', 'done', 'partial', 'failed'));
ALTER TABLE scans ADD COLUMN failure_kind text;

DROP INDEX scans_site_finished;
CREATE INDEX scans_site_finished ON scans (site_id, finished_at DESC) WHERE status IN ('done', 'partial');
