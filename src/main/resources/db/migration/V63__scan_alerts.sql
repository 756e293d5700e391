-- What a site's owners want to hear after a scan, and every alert sent, by mail or webhook, as its delivery log.
-- A site without a row gets the defaults: every kind of alert, by mail, no webhook.

CREATE TABLE alert_settings (
    site_id        uuid        PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    new_cookies    boolean     NOT NULL,
    violations     boolean     NOT NULL,
    unclassified   boolean     NOT NULL,
    failures       boolean     NOT NULL,
    by_mail        boolean     NOT NULL,
    webhook_url    text,
    -- The key the webhook's HMAC-SHA256 signature is made with; shown to the owner, who checks signatures with it.
    webhook_secret text,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE alert_deliveries (
    id         uuid        PRIMARY KEY,
    site_id    uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    scan_id    uuid        NOT NULL,
    channel    text        NOT NULL CHECK (channel IN ('mail', 'webhook')),
    recipient  text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    -- sent; logged (no SMTP server configured: the mail went to the log and stays readable here); failed
    status     text        NOT NULL CHECK (status IN ('sent', 'logged', 'failed')),
    attempts   integer     NOT NULL,
    detail     text,
    created_at timestamptz NOT NULL
);
CREATE INDEX alert_deliveries_site ON alert_deliveries (site_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON alert_settings, alert_deliveries TO "${service_role}";
