package dev.akkoord.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash that links a consent record to the one before it. Every field is length-prefixed, so no two different
 * records can produce the same input, and the time is hashed as epoch microseconds, the precision PostgreSQL keeps.
 */
final class ChainHash {

    /** The "previous hash" of a site's first record. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String prevHash, UUID siteId, long seq, String consentId, Instant recordedAt, String action,
            boolean analytical, boolean marketing, String bannerVersion, String language, String pageUrl,
            boolean gpc, String ipTruncated, String userAgent) {
        StringBuilder input = new StringBuilder(256);
        field(input, prevHash);
        field(input, siteId.toString());
        field(input, Long.toString(seq));
        field(input, consentId);
        field(input, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt)));
        field(input, action);
        field(input, analytical ? "1" : "0");
        field(input, marketing ? "1" : "0");
        field(input, bannerVersion);
        field(input, language);
        field(input, pageUrl);
        field(input, gpc ? "1" : "0");
        field(input, ipTruncated);
        field(input, userAgent);
        return sha256(input.toString());
    }

    static String of(ConsentRecord record) {
        return of(record.prevHash(), record.siteId(), record.seq(), record.consentId(), record.recordedAt(),
                record.action(), record.analytical(), record.marketing(), record.bannerVersion(), record.language(),
                record.pageUrl(), record.gpc(), record.ipTruncated(), record.userAgent());
    }

    private static void field(StringBuilder input, String value) {
        if (value == null) {
            input.append("-1:|");
        } else {
            input.append(value.length()).append(':').append(value).append('|');
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
