package dev.akkoord.consent;

import io.vertx.mutiny.sqlclient.Row;

/** The one place that knows how a consent_records row maps to a {@link ConsentRecord}. */
final class ConsentRows {

    static final String COLUMNS = "id, site_id, seq, consent_id, recorded_at, action, analytical, marketing, "
            + "banner_version, language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash";

    private ConsentRows() {
    }

    static ConsentRecord record(Row row) {
        return new ConsentRecord(row.getLong("id"), row.getUUID("site_id"), row.getLong("seq"),
                row.getString("consent_id"), row.getOffsetDateTime("recorded_at").toInstant(),
                row.getString("action"), row.getBoolean("analytical"), row.getBoolean("marketing"),
                row.getString("banner_version"), row.getString("language"), row.getString("page_url"),
                row.getBoolean("gpc"), row.getString("ip_truncated"), row.getString("user_agent"),
                row.getString("prev_hash"), row.getString("hash"));
    }
}
