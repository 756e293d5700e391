package dev.akkoord.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What a visitor gets back for a stored decision and can keep. One signature covers a whole committed batch: the
 * root of a Merkle tree over the batch's record hashes, with the site and the chain positions it spans. The receipt
 * carries the visitor's own record (position, hash, time) and the path of sibling hashes from it to that root, so
 * anyone holding the public key from {@code /.well-known/akkoord-keys.json} can check that this record, with this
 * hash, was in the batch the service signed. (Signing each record alone would cost a signature per consent.)
 *
 * @param proof sibling hashes from the record's leaf up to the root, each {@code L:} or {@code R:} for its side
 */
public record SignedReceipt(UUID siteId, long recordId, long seq, String hash, Instant recordedAt, long batchFirst,
        long batchLast, String batchRoot, List<String> proof, Instant signedAt, String keyId, String signature) {

    private static final HexFormat HEX = HexFormat.of();

    /** The signed bytes: one field per line. */
    public static byte[] statement(UUID siteId, long first, long last, String root, Instant signedAt) {
        String text = "akkoord-receipts/1\n"
                + "site:" + siteId + "\n"
                + "first:" + first + "\n"
                + "last:" + last + "\n"
                + "root:" + root + "\n"
                + "signed-at:" + signedAt + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return statement(siteId, batchFirst, batchLast, batchRoot, signedAt);
    }

    /** The root this receipt's record and path lead to; it must equal {@link #batchRoot()}. */
    public String rootFromProof() {
        byte[] node = leaf(hash);
        for (String step : proof) {
            byte[] sibling = HEX.parseHex(step.substring(2));
            node = step.startsWith("L:") ? parent(sibling, node) : parent(node, sibling);
        }
        return HEX.formatHex(node);
    }

    /** A leaf: the record's chain hash, marked as a leaf so no inner node can pass for one. */
    static byte[] leaf(String recordHash) {
        return sha256((byte) 0, HEX.parseHex(recordHash), new byte[0]);
    }

    static byte[] parent(byte[] left, byte[] right) {
        return sha256((byte) 1, left, right);
    }

    private static byte[] sha256(byte marker, byte[] a, byte[] b) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(marker);
            digest.update(a);
            digest.update(b);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
