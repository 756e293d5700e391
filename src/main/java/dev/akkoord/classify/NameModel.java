package dev.akkoord.classify;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Layer 5: multinomial logistic regression over hashed {@link Features}, trained on the knowledge base when the
 * classifier is built. Its probabilities are the confidence; the classifier turns low ones into "unclassified".
 */
final class NameModel {

    /** The categories the model can predict, in weight order. */
    static final Category[] CLASSES = {Category.FUNCTIONAL, Category.ANALYTICAL, Category.MARKETING};
    private static final int K = CLASSES.length;

    static final int EPOCHS = 10;
    static final double LEARNING_RATE = 0.2;
    /** Strong enough to keep probabilities honest on names unlike any seen (cross-validation showed overconfidence). */
    static final double L2 = 0.03;
    private static final long SEED = 20_26_01_21L;

    /** Weights, feature-major: weights[feature * K + class]. */
    private final float[] weights = new float[Features.DIMENSION * K];

    /** A prediction: the best category and its probability. */
    record Prediction(Category category, double probability) {
    }

    /** One training example: features and the index of its category in {@link #CLASSES}. */
    record Example(int[] features, int label) {
    }

    NameModel(List<Example> examples) {
        train(examples);
    }

    static int labelOf(Category category) {
        for (int k = 0; k < K; k++) {
            if (CLASSES[k] == category) {
                return k;
            }
        }
        throw new IllegalArgumentException("no model class for " + category);
    }

    Prediction predict(int[] features) {
        double[] p = probabilities(features);
        int best = 0;
        for (int k = 1; k < K; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Prediction(CLASSES[best], p[best]);
    }

    private double[] probabilities(int[] features) {
        double[] score = new double[K];
        for (int f : features) {
            int base = f * K;
            for (int k = 0; k < K; k++) {
                score[k] += weights[base + k];
            }
        }
        double max = Math.max(score[0], Math.max(score[1], score[2]));
        double sum = 0;
        for (int k = 0; k < K; k++) {
            score[k] = Math.exp(score[k] - max);
            sum += score[k];
        }
        for (int k = 0; k < K; k++) {
            score[k] /= sum;
        }
        return score;
    }

    /** Plain stochastic gradient descent on the cross-entropy, shuffled each epoch with a fixed seed. */
    private void train(List<Example> examples) {
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            double rate = LEARNING_RATE / (1 + epoch * 0.5);
            for (int i : order) {
                Example example = examples.get(i);
                double[] p = probabilities(example.features());
                for (int f : example.features()) {
                    int base = f * K;
                    for (int k = 0; k < K; k++) {
                        double gradient = p[k] - (k == example.label() ? 1 : 0) + L2 * weights[base + k];
                        weights[base + k] -= (float) (rate * gradient);
                    }
                }
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
