package dev.akkoord.classify;

/** One cookie to classify through the API: its name and, optionally, the domain that set it. */
public record ClassifyRequest(String name, String domain) {
}
