package dev.akkoord.consent;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The receipts of one committed batch: a Merkle tree over its record hashes (an odd node out moves up a level as it
 * is), one signature over the root, and for each record the path from its leaf to the root.
 */
final class ReceiptBatch {

    private static final HexFormat HEX = HexFormat.of();

    private ReceiptBatch() {
    }

    static List<SignedReceipt> sign(List<ConsentRecord> batch, SigningKeys keys) {
        List<List<byte[]>> levels = new ArrayList<>();
        List<byte[]> level = new ArrayList<>(batch.size());
        batch.forEach(r -> level.add(SignedReceipt.leaf(r.hash())));
        levels.add(level);
        List<byte[]> current = level;
        while (current.size() > 1) {
            List<byte[]> up = new ArrayList<>((current.size() + 1) / 2);
            for (int i = 0; i < current.size(); i += 2) {
                up.add(i + 1 < current.size() ? SignedReceipt.parent(current.get(i), current.get(i + 1))
                        : current.get(i));
            }
            levels.add(up);
            current = up;
        }
        String root = HEX.formatHex(current.get(0));
        ConsentRecord first = batch.get(0);
        ConsentRecord last = batch.get(batch.size() - 1);
        SigningKeys.BatchSignature signed = keys.signBatch(first.siteId(), first.seq(), last.seq(), root);
        List<SignedReceipt> receipts = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ConsentRecord r = batch.get(i);
            receipts.add(new SignedReceipt(r.siteId(), r.recordId(), r.seq(), r.hash(), r.recordedAt(), first.seq(),
                    last.seq(), root, path(levels, i), signed.signedAt(), signed.keyId(), signed.signature()));
        }
        return receipts;
    }

    private static List<String> path(List<List<byte[]>> levels, int index) {
        List<String> path = new ArrayList<>();
        int i = index;
        for (List<byte[]> level : levels.subList(0, levels.size() - 1)) {
            if (i % 2 == 1) {
                path.add("L:" + HEX.formatHex(level.get(i - 1)));
            } else if (i + 1 < level.size()) {
                path.add("R:" + HEX.formatHex(level.get(i + 1)));
            }
            i /= 2;
        }
        return path;
    }
}
