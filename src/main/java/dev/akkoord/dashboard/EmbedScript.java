package dev.akkoord.dashboard;

import java.util.UUID;

/**
 * The script tag a site owner pastes into their pages. Hook for the widget capability, which knows the versioned
 * URL and its Subresource Integrity value; until it supplies a bean, {@link PlainEmbedScript} gives the plain tag.
 */
public interface EmbedScript {

    /**
     * @param platformUrl this platform's base URL as the browser reached it, without a trailing slash
     */
    Snippet snippetFor(String platformUrl, UUID siteId);

    /** @param integrity the {@code sha384-…} value, or null when the script's build is not known */
    record Snippet(String html, String src, String integrity) {
    }
}
