package dev.akkoord.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The tables of this package: each site's alert settings and its delivery log. */
@ApplicationScoped
class AlertStore {

    private static final String DELIVERY_COLUMNS = "id, site_id, scan_id, channel, recipient, subject, body, status, "
            + "attempts, detail, created_at";

    private final Pool pool;

    AlertStore(Pool pool) {
        this.pool = pool;
    }

    Uni<AlertSettings> settings(UUID siteId) {
        return pool.preparedQuery("SELECT new_cookies, violations, unclassified, failures, by_mail, webhook_url, "
                + "webhook_secret FROM alert_settings WHERE site_id = $1").execute(Tuple.of(siteId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return AlertSettings.DEFAULTS;
                    }
                    Row row = rows.iterator().next();
                    return new AlertSettings(row.getBoolean("new_cookies"), row.getBoolean("violations"),
                            row.getBoolean("unclassified"), row.getBoolean("failures"), row.getBoolean("by_mail"),
                            row.getString("webhook_url"), row.getString("webhook_secret"));
                });
    }

    Uni<Void> saveSettings(UUID siteId, AlertSettings settings) {
        return pool.preparedQuery("INSERT INTO alert_settings (site_id, new_cookies, violations, unclassified, "
                        + "failures, by_mail, webhook_url, webhook_secret, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (site_id) DO UPDATE SET "
                        + "new_cookies = $2, violations = $3, unclassified = $4, failures = $5, by_mail = $6, "
                        + "webhook_url = $7, webhook_secret = $8, updated_at = $9")
                .execute(Tuple.from(Arrays.asList(siteId, settings.newCookies(), settings.violations(),
                        settings.unclassified(), settings.failures(), settings.byMail(), settings.webhookUrl(),
                        settings.webhookSecret(), now())))
                .replaceWithVoid();
    }

    Uni<Void> record(AlertDelivery delivery) {
        return pool.preparedQuery("INSERT INTO alert_deliveries (" + DELIVERY_COLUMNS + ") "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(Arrays.asList(delivery.id(), delivery.siteId(), delivery.scanId(),
                        delivery.channel(), delivery.recipient(), delivery.subject(), delivery.body(),
                        delivery.status(), delivery.attempts(), delivery.detail(),
                        delivery.createdAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** The site's latest deliveries, newest first. */
    Uni<List<AlertDelivery>> deliveries(UUID siteId, int limit) {
        return pool.preparedQuery("SELECT " + DELIVERY_COLUMNS + " FROM alert_deliveries WHERE site_id = $1 "
                        + "ORDER BY created_at DESC LIMIT $2").execute(Tuple.of(siteId, limit))
                .map(rows -> {
                    List<AlertDelivery> deliveries = new ArrayList<>();
                    rows.forEach(row -> deliveries.add(new AlertDelivery(row.getUUID("id"), row.getUUID("site_id"),
                            row.getUUID("scan_id"), row.getString("channel"), row.getString("recipient"),
                            row.getString("subject"), row.getString("body"), row.getString("status"),
                            row.getInteger("attempts"), row.getString("detail"),
                            row.getOffsetDateTime("created_at").toInstant())));
                    return deliveries;
                });
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}
