package dev.akkoord.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A body naming a field twice ({@code {"action":"accept_all","action":"reject_all"}}) is refused as malformed JSON:
 * which of the two a reader believes is up to the reader, and a consent record must not depend on that.
 */
@Singleton
public final class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
