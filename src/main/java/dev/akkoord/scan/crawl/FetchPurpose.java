package dev.akkoord.scan.crawl;

import java.util.function.Predicate;

/** What a fetch is for, which decides which bodies are kept and how large they may be. */
enum FetchPurpose {
    PAGE(ResponseHead::isHtml),
    /** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; anything textual counts. */
    ROBOTS(head -> head.mediaType().isEmpty() || head.mediaType().startsWith("text/")),
    SITEMAP(head -> head.mediaType().isEmpty() || head.mediaType().contains("xml") || head.mediaType().startsWith("text/")),
    /** Scripts, frames and pixels: only their headers matter. */
    RESOURCE(head -> false);

    /** How much of an unwanted body is read so that the connection can be reused, before it is reset instead. */
    static final int DRAIN_BYTES = 16 * 1024;
    static final int ROBOTS_BYTES = 512 * 1024;

    final Predicate<ResponseHead> wantsBody;

    FetchPurpose(Predicate<ResponseHead> wantsBody) {
        this.wantsBody = wantsBody;
    }

    int keepLimit(CrawlSettings settings) {
        return switch (this) {
            case PAGE, SITEMAP -> settings.maxBodyBytes();
            case ROBOTS -> ROBOTS_BYTES;
            case RESOURCE -> 0;
        };
    }

    int drainLimit(CrawlSettings settings) {
        return this == RESOURCE ? settings.maxResourceBytes() : DRAIN_BYTES;
    }
}
