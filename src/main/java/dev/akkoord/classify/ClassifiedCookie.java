package dev.akkoord.classify;

/** One answer of {@code POST /api/v1/classify}, in the order of the request. */
public record ClassifiedCookie(String name, Category category, double confidence, Source source) {

    static ClassifiedCookie of(String name, Classification classification) {
        // Three decimals say all there is to say and keep the answer short.
        return new ClassifiedCookie(name, classification.category(),
                Math.round(classification.confidence() * 1000) / 1000.0, classification.source());
    }
}
