package dev.akkoord.classify;

import java.util.Objects;

/**
 * The classifier's answer for one cookie, with enough context to explain it.
 *
 * @param category   functional, analytical, marketing, or unclassified when nothing was sure enough
 * @param confidence 0..1; for {@code unclassified} it is the model's confidence in its best (rejected) guess
 * @param source     the layer that decided
 * @param vendor     the platform or vendor behind the cookie, when known
 * @param purpose    what the cookie does, in words a visitor understands; null when nothing says
 * @param lifetime   the documented retention period (for example "2 years"), when known
 * @param reason     why the layer decided as it did, for the site owner (never shown to visitors)
 */
public record Classification(Category category, double confidence, Source source, String vendor, String purpose,
        String lifetime, String reason) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }

    /** The same answer with the owner's category: purpose, vendor and lifetime stay, the owner decided. */
    public Classification decidedByOwner(Category ownerCategory) {
        return new Classification(ownerCategory, 1.0, Source.OVERRIDE, vendor, purpose, lifetime,
                "Decided by the site owner");
    }

    public boolean isClassified() {
        return category != Category.UNCLASSIFIED;
    }
}
