package dev.akkoord.scan.crawl;

import java.net.URI;

/**
 * A host outside the site that a page loads a script, frame or pixel from, as first seen. Whether it is a tracker
 * is decided later, with the classifier's vendor knowledge.
 *
 * @param host the resource's host
 * @param url  the first resource URL seen on that host
 * @param kind {@code script}, {@code frame} or {@code pixel}
 * @param page the page that loads it
 */
public record LoadedResource(String host, URI url, String kind, URI page) {
}
