package dev.akkoord.classify;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One answer of {@code POST /api/v1/classify}, in the order of the request: the category and how sure, the layer
 * that decided, and where known the vendor, a plain purpose and why (the reason is for the caller, not for visitors).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifiedCookie(String name, Category category, double confidence, Source source, String vendor,
        String purpose, String reason) {

    static ClassifiedCookie of(String name, Classification classification) {
        // Three decimals say all there is to say and keep the answer short.
        return new ClassifiedCookie(name, classification.category(),
                Math.round(classification.confidence() * 1000) / 1000.0, classification.source(),
                classification.vendor(), classification.purpose(), classification.reason());
    }
}
