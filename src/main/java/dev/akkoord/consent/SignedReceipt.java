package dev.akkoord.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What a visitor gets back for a stored decision and can keep: which record of which site's chain holds it, its
 * hash and time, signed with the checkpoint key. With the public key from {@code /.well-known/akkoord-keys.json}
 * anyone can check it, and the record it names must still be in the chain with that hash.
 */
public record SignedReceipt(UUID siteId, long recordId, long seq, String hash, Instant recordedAt, String keyId,
        String signature) {

    /** The signed bytes: one field per line, like a checkpoint's. */
    public static byte[] statement(UUID siteId, long recordId, long seq, String hash, Instant recordedAt) {
        String text = "akkoord-receipt/1\n"
                + "site:" + siteId + "\n"
                + "record:" + recordId + "\n"
                + "seq:" + seq + "\n"
                + "hash:" + hash + "\n"
                + "recorded-at:" + recordedAt + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return statement(siteId, recordId, seq, hash, recordedAt);
    }
}
