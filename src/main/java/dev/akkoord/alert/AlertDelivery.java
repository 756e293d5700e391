package dev.akkoord.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert sent, or tried, to one recipient: the site's delivery log.
 *
 * @param channel {@code mail} or {@code webhook}
 * @param status  {@code sent}; {@code logged} (no SMTP server is configured: the mail went to the log and is kept
 *                here to be read); {@code failed}, with why in {@code detail}
 */
public record AlertDelivery(UUID id, UUID siteId, UUID scanId, String channel, String recipient, String subject,
        String body, String status, int attempts, String detail, Instant createdAt) {

    public static final String SENT = "sent";
    public static final String LOGGED = "logged";
    public static final String FAILED = "failed";
}
