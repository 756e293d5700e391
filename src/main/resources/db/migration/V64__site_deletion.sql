-- A deleted site is gone for everyone (dashboard, API, banner, consents, scans) but its row stays: its consent
-- records keep their foreign key and are purged by their retention period like any others.
ALTER TABLE sites ADD COLUMN deleted_at timestamptz;
