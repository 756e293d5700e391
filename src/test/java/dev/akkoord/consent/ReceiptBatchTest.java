package dev.akkoord.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Batches of every small size: each record's path leads to the one signed root, and only its own hash does. */
class ReceiptBatchTest {

    @Test
    void everyReceiptOfABatchLeadsToItsSignedRootAndNoOtherHashDoes() throws Exception {
        SigningKeys keys = new SigningKeys(Files.createTempDirectory("akkoord-keys-"));
        Map<String, PublicKey> byId = Map.of(keys.published().get(0).keyId(), keys.published().get(0).publicKey());
        Random random = new Random(7);
        for (int size = 1; size <= 17; size++) {
            List<ConsentRecord> batch = batch(size, random);
            List<SignedReceipt> receipts = ReceiptBatch.sign(batch, keys);
            assertEquals(size, receipts.size());
            for (SignedReceipt receipt : receipts) {
                assertEquals(receipt.batchRoot(), receipt.rootFromProof(), "size " + size + " seq " + receipt.seq());
                assertTrue(Ed25519Raw.verify(Ed25519Raw.publicKey(byId.get(receipt.keyId())), receipt.statement(),
                        Base64.getDecoder().decode(receipt.signature())));
                SignedReceipt forged = new SignedReceipt(receipt.siteId(), receipt.recordId(), receipt.seq(),
                        "ab".repeat(32), receipt.recordedAt(), receipt.batchFirst(), receipt.batchLast(),
                        receipt.batchRoot(), receipt.proof(), receipt.signedAt(), receipt.keyId(), receipt.signature());
                assertNotEquals(receipt.batchRoot(), forged.rootFromProof(), "another hash on the same path");
            }
            assertEquals(1, receipts.stream().map(SignedReceipt::signature).distinct().count(), "one signature");
        }
    }

    private static List<ConsentRecord> batch(int size, Random random) {
        UUID site = UUID.randomUUID();
        List<ConsentRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            records.add(new ConsentRecord(100 + i, site, 10 + i, "c".repeat(32), Instant.now(), "accept_all", true,
                    true, "v1", "en", null, false, null, null, "0".repeat(64), HexFormat.of().formatHex(hash)));
        }
        return records;
    }
}
