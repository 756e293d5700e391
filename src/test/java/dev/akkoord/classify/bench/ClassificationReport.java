package dev.akkoord.classify.bench;

import dev.akkoord.classify.Category;
import dev.akkoord.classify.Classification;
import dev.akkoord.classify.Source;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts a benchmark's answers against the truth and prints what the classifier issue asks for: accuracy (unclassified
 * counts as wrong), the leak rate (cookies that need consent called functional), the unclassified share, a
 * reliability table (confidence bucket → share right), per-source figures and the confusion matrix.
 */
final class ClassificationReport {

    private static final Category[] TRUTHS = {Category.FUNCTIONAL, Category.ANALYTICAL, Category.MARKETING};
    /** Lower bounds of the reliability buckets; the last one runs to 1.0. */
    private static final double[] BUCKETS = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

    private final Map<Category, Map<Category, Integer>> confusion = new EnumMap<>(Category.class);
    private final Map<Source, int[]> bySource = new EnumMap<>(Source.class);
    private final int[] bucketCount = new int[BUCKETS.length];
    private final int[] bucketRight = new int[BUCKETS.length];
    private final double[] bucketConfidence = new double[BUCKETS.length];
    private int total;
    private int unclassified;
    private int correct;
    private int needConsent;
    private int leaked;

    void add(Category truth, Classification result) {
        total++;
        confusion.computeIfAbsent(truth, t -> new EnumMap<>(Category.class)).merge(result.category(), 1, Integer::sum);
        int[] source = bySource.computeIfAbsent(result.source(), s -> new int[3]);
        source[0]++;
        if (truth != Category.FUNCTIONAL) {
            needConsent++;
            if (result.category() == Category.FUNCTIONAL) {
                leaked++;
            }
        }
        if (!result.isClassified()) {
            unclassified++;
            source[2]++;
            return;
        }
        boolean right = result.category() == truth;
        if (right) {
            correct++;
            source[1]++;
        }
        int bucket = bucketOf(result.confidence());
        bucketCount[bucket]++;
        bucketConfidence[bucket] += result.confidence();
        if (right) {
            bucketRight[bucket]++;
        }
    }

    int total() {
        return total;
    }

    double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    double leakRate() {
        return needConsent == 0 ? 0 : (double) leaked / needConsent;
    }

    double unclassifiedShare() {
        return total == 0 ? 0 : (double) unclassified / total;
    }

    /** One line: what the targets are stated in. */
    String summary() {
        return String.format(Locale.ROOT, "%d names: accuracy %.1f%% (%d right), leak rate %.1f%% (%d of %d that need "
                + "consent called functional), unclassified %.1f%% (%d), accuracy on classified %.1f%%", total,
                100 * accuracy(), correct, 100 * leakRate(), leaked, needConsent, 100 * unclassifiedShare(),
                unclassified, total == unclassified ? 0 : 100.0 * correct / (total - unclassified));
    }

    void print() {
        System.out.println(summary());
        System.out.println("\nreliability (classified answers): confidence bucket, answers, mean confidence, share right");
        for (int b = 0; b < BUCKETS.length; b++) {
            if (bucketCount[b] == 0) {
                continue;
            }
            double upper = b + 1 < BUCKETS.length ? BUCKETS[b + 1] : 1.0;
            double mean = bucketConfidence[b] / bucketCount[b];
            double share = (double) bucketRight[b] / bucketCount[b];
            System.out.printf(Locale.ROOT, "  [%.2f, %.2f%s  %5d   %.3f   %5.1f%%   %s%n", BUCKETS[b], upper,
                    upper == 1.0 ? "]" : ")", bucketCount[b], mean, 100 * share,
                    Math.abs(share - mean) <= 0.10 ? "within 10 points" : "OFF by " + Math.round(100 * (share - mean)));
        }
        System.out.println("\nper true category: right, unclassified");
        for (Category truth : TRUTHS) {
            Map<Category, Integer> row = confusion.getOrDefault(truth, Map.of());
            int rowTotal = row.values().stream().mapToInt(Integer::intValue).sum();
            if (rowTotal == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  %-11s %4d   right %5.1f%%   unclassified %5.1f%%%n", truth.label(), rowTotal,
                    100.0 * row.getOrDefault(truth, 0) / rowTotal,
                    100.0 * row.getOrDefault(Category.UNCLASSIFIED, 0) / rowTotal);
        }
        System.out.println("\nper source: decided, accuracy on classified");
        bySource.forEach((source, c) -> System.out.printf(Locale.ROOT, "  %-8s %5d   %5.1f%%%s%n", source.label(),
                c[0], c[0] == c[2] ? 0.0 : 100.0 * c[1] / (c[0] - c[2]),
                c[2] > 0 ? "   (" + c[2] + " unclassified)" : ""));
        System.out.println("\nconfusion matrix (rows: truth, columns: answer)");
        System.out.printf(Locale.ROOT, "  %-11s %11s %11s %11s %13s%n", "", "functional", "analytical", "marketing",
                "unclassified");
        for (Category truth : TRUTHS) {
            Map<Category, Integer> row = confusion.getOrDefault(truth, Map.of());
            System.out.printf(Locale.ROOT, "  %-11s %11d %11d %11d %13d%n", truth.label(),
                    row.getOrDefault(Category.FUNCTIONAL, 0), row.getOrDefault(Category.ANALYTICAL, 0),
                    row.getOrDefault(Category.MARKETING, 0), row.getOrDefault(Category.UNCLASSIFIED, 0));
        }
    }

    private static int bucketOf(double confidence) {
        for (int b = BUCKETS.length - 1; b > 0; b--) {
            if (confidence >= BUCKETS[b]) {
                return b;
            }
        }
        return 0;
    }
}
