package dev.akkoord.scan.tracker;

import java.net.URI;

/**
 * A tracker found on a page.
 *
 * @param signature what was found
 * @param accountId the account or property id captured from the page (for example the GA4 measurement id), or null
 * @param page      the page it was found on
 * @param via       {@code script}, {@code frame}, {@code pixel} or {@code snippet}
 * @param evidence  the resource URL, or the start of the inline snippet
 * @param host      the host the tracker's resource came from, or null for an inline snippet
 */
public record TrackerSighting(TrackerSignature signature, String accountId, URI page, String via, String evidence,
        String host) {

    public String describe() {
        String what = via.equals("snippet") ? "inline script `" + evidence + "`" : via + " " + evidence;
        return signature.vendor() + " detected on " + page + " (" + what + ")";
    }
}
