package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a model probability onto how often answers of that probability were right on cookies the model had not seen:
 * isotonic regression (pool adjacent violators) over held-out predictions. A reported 0.9 then means about 9 in 10.
 */
final class Calibration {

    /** No data: probabilities are passed through. */
    static final Calibration IDENTITY = new Calibration(new double[0], new double[0]);

    /** Upper probability bound of each block and the smoothed share right within it, both ascending. */
    private final double[] bounds;
    private final double[] values;

    private Calibration(double[] bounds, double[] values) {
        this.bounds = bounds;
        this.values = values;
    }

    /** One held-out answer: the model's probability and whether it was right. */
    record Outcome(double probability, boolean right) {
    }

    static Calibration fit(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return IDENTITY;
        }
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort((a, b) -> Double.compare(a.probability(), b.probability()));
        // Blocks of (right, count, upper bound), merged while a block is not below the next.
        double[] right = new double[sorted.size()];
        double[] count = new double[sorted.size()];
        double[] upper = new double[sorted.size()];
        int blocks = 0;
        for (Outcome o : sorted) {
            right[blocks] = o.right() ? 1 : 0;
            count[blocks] = 1;
            upper[blocks] = o.probability();
            blocks++;
            while (blocks > 1 && right[blocks - 2] / count[blocks - 2] >= right[blocks - 1] / count[blocks - 1]) {
                right[blocks - 2] += right[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                upper[blocks - 2] = upper[blocks - 1];
                blocks--;
            }
        }
        double[] values = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            values[i] = (right[i] + 1) / (count[i] + 2); // a block of two right answers is not a certainty
        }
        return new Calibration(Arrays.copyOf(upper, blocks), values);
    }

    double apply(double probability) {
        if (bounds.length == 0) {
            return probability;
        }
        int i = Arrays.binarySearch(bounds, probability);
        int block = i >= 0 ? i : Math.min(-i - 1, bounds.length - 1);
        return values[block];
    }
}
