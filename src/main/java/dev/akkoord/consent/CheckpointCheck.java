package dev.akkoord.consent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Holds a chain against its signed checkpoints. The hash chain alone shows edits by someone who could not recompute
 * it; the checkpoints show what someone who could (a database superuser) did afterwards: a rewritten record no longer
 * has the hash a checkpoint signed, a cut-off tail ends before a signed position, and a forged start is an anchor no
 * purge signed. Plain Java, shared by the service and the offline verifier.
 */
public final class CheckpointCheck {

    /**
     * What the chain looks like now.
     *
     * @param anchorSeq  the record a retention purge left as the start, or null
     * @param anchorHash its hash, or null
     * @param headSeq    the last record (0 for none)
     * @param hashAt     the hash of each record still there, at least at every checkpointed position
     */
    public record Chain(Long anchorSeq, String anchorHash, long headSeq, Map<Long, String> hashAt) {
    }

    /** What is wrong, and how many checkpoints had a good signature (each signature is checked once). */
    public record Result(List<ChainVerifier.Problem> problems, int signed) {
    }

    private CheckpointCheck() {
    }

    public static Result check(Chain chain, List<Checkpoint> checkpoints, PublicKeys keys) {
        List<ChainVerifier.Problem> problems = new ArrayList<>();
        List<Checkpoint> valid = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            String bad = keys.problemWith(checkpoint);
            if (bad == null) {
                valid.add(checkpoint);
            } else {
                problems.add(new ChainVerifier.Problem(checkpoint.seq(), "the checkpoint of record " + checkpoint.seq()
                        + " dated " + checkpoint.signedAt() + " " + bad));
            }
        }
        valid.sort(Comparator.comparingLong(Checkpoint::seq));
        long lastMatching = chain.anchorSeq() == null ? 0 : chain.anchorSeq();
        boolean rewriteFound = false;
        boolean truncationFound = false;
        for (Checkpoint cp : valid) {
            if (chain.anchorSeq() != null && cp.seq() <= chain.anchorSeq()) {
                if (cp.seq() == chain.anchorSeq() && !cp.hash().equals(chain.anchorHash())) {
                    problems.add(new ChainVerifier.Problem(cp.seq(), "the chain's start (record " + cp.seq()
                            + ") does not match the checkpoint signed at " + cp.signedAt()
                            + ": the beginning of the chain was replaced"));
                }
                continue; // purged: nothing left to compare
            }
            if (cp.seq() > chain.headSeq()) {
                if (!truncationFound) {
                    truncationFound = true;
                    problems.add(new ChainVerifier.Problem(chain.headSeq() + 1, "the chain ends at record "
                            + chain.headSeq() + ", but a checkpoint signed at " + cp.signedAt() + " covers record "
                            + cp.seq() + ": records " + (chain.headSeq() + 1) + ".." + cp.seq() + " were cut off"));
                }
                continue;
            }
            String now = chain.hashAt().get(cp.seq());
            if (now == null) {
                problems.add(new ChainVerifier.Problem(cp.seq(), "record " + cp.seq()
                        + ", which a checkpoint signed at " + cp.signedAt() + " covers, is missing"));
            } else if (!now.equals(cp.hash())) {
                if (!rewriteFound) {
                    rewriteFound = true;
                    problems.add(new ChainVerifier.Problem(lastMatching + 1, "record " + cp.seq()
                            + " differs from the checkpoint signed at " + cp.signedAt() + ": the chain was rewritten "
                            + "from a record in " + (lastMatching + 1) + ".." + cp.seq()
                            + " on (the last checkpoint that still matches is at record " + lastMatching + ")"));
                }
            } else if (!rewriteFound) {
                lastMatching = cp.seq();
            }
        }
        if (chain.anchorSeq() != null && valid.stream().noneMatch(cp -> Checkpoint.ANCHOR.equals(cp.kind())
                && cp.seq() == chain.anchorSeq() && cp.hash().equals(chain.anchorHash()))) {
            problems.add(new ChainVerifier.Problem(chain.anchorSeq(), "the chain starts after record "
                    + chain.anchorSeq() + ", but no retention purge signed that start: the records before it may have "
                    + "been deleted or replaced"));
        }
        return new Result(problems, valid.size());
    }
}
