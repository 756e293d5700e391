package dev.akkoord.scan.crawl;

import java.net.URI;

/**
 * One page the crawler fetched.
 *
 * @param url         the URL asked for
 * @param finalUrl    where redirects ended
 * @param depth       link hops from the start page
 * @param status      the final HTTP status, or 0 when no response arrived
 * @param contentType the final media type, or empty
 * @param parsed      whether it was HTML and its links and resources were read
 */
public record PageVisit(URI url, URI finalUrl, int depth, int status, String contentType, boolean parsed) {
}
