package dev.akkoord.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A signed statement of where a site's chain stood: record {@code seq} had hash {@code hash} at {@code signedAt}.
 * {@code kind} is {@code head} (the chain's end, signed by the checkpointer) or {@code anchor} (the start a retention
 * purge left). The signature covers {@link #statement()}, a fixed text form anyone can rebuild from the fields.
 */
public record Checkpoint(UUID siteId, String kind, long seq, String hash, Instant signedAt, String keyId,
        String signature) {

    public static final String HEAD = "head";
    public static final String ANCHOR = "anchor";

    public Checkpoint {
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    }

    /** The signed bytes: one field per line, nothing left to interpretation. */
    public byte[] statement() {
        return statement(siteId, kind, seq, hash, signedAt);
    }

    static byte[] statement(UUID siteId, String kind, long seq, String hash, Instant signedAt) {
        String text = "akkoord-checkpoint/1\n"
                + "site:" + siteId + "\n"
                + "kind:" + kind + "\n"
                + "seq:" + seq + "\n"
                + "hash:" + hash + "\n"
                + "signed-at:" + signedAt + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
