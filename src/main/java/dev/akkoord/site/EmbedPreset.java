package dev.akkoord.site;

import java.util.List;

/**
 * A provider of embeds the owner adds to the banner's built-in ones (YouTube, Vimeo, Google Maps, …), so that its
 * iframes get a placeholder that names it.
 *
 * @param name     the provider's name as visitors know it
 * @param host     the iframe's host; a leading dot also takes every host below it
 * @param path     a path prefix the iframe's address must start with, or empty
 * @param kind     what it shows: video, map, post, audio or content (the placeholder's words follow it)
 * @param category the category its iframes wait for when their tag names none
 */
public record EmbedPreset(String name, String host, String path, String kind, String category) {

    public static final List<String> KINDS = List.of("video", "map", "post", "audio", "content");

    /** The compact form the banner reads: host, path, name, kind, category. */
    List<String> row() {
        return List.of(host, path, name, kind, category);
    }
}
