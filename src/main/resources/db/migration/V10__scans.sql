-- Scans of client sites: one row per scan, queued by the daily schedule or on request.

CREATE TABLE scans (
    id             uuid        PRIMARY KEY,
    site_id        uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    trigger        text        NOT NULL CHECK (trigger IN ('schedule', 'request')),
    status         text        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    -- The day a scheduled scan belongs to; unique per site, so a day's scan exists once however many
    -- instances enqueue it.
    schedule_day   date,
    queued_at      timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    worker         text,
    pages_done     integer     NOT NULL DEFAULT 0,
    pages_queued   integer     NOT NULL DEFAULT 0,
    resources      integer     NOT NULL DEFAULT 0,
    origins        text[]      NOT NULL DEFAULT '{}',
    deadline_hit   boolean     NOT NULL DEFAULT false,
    failure        text
);
CREATE INDEX scans_site_queued ON scans (site_id, queued_at DESC);
CREATE INDEX scans_site_finished ON scans (site_id, finished_at DESC) WHERE status = 'done';
CREATE UNIQUE INDEX scans_site_day ON scans (site_id, schedule_day) WHERE schedule_day IS NOT NULL;
