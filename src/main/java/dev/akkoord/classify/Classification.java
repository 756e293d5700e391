package dev.akkoord.classify;

import java.util.Objects;

/**
 * The classifier's answer for one cookie, with enough context to explain it.
 *
 * @param category   functional, analytical, marketing, or unclassified when nothing was sure enough
 * @param confidence 0..1; for {@code unclassified} it is the model's confidence in its best (rejected) guess
 * @param source     the layer that decided
 * @param vendor     the platform or vendor behind the cookie, when known
 * @param purpose    what the cookie does, or why the layer decided as it did
 * @param lifetime   the documented retention period (for example "2 years"), when known
 */
public record Classification(Category category, double confidence, Source source, String vendor, String purpose,
        String lifetime) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }

    public boolean isClassified() {
        return category != Category.UNCLASSIFIED;
    }
}
