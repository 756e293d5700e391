package dev.akkoord.scan.browser;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What one journey on one page saw, in its own browser context.
 *
 * @param banner   whether Akkoord's banner was shown; null when the page did not load
 * @param decided  whether the journey's button was pressed
 * @param problem  why the page could not be scanned (load failure, time-out, browser crash), or null
 * @param links    http(s) links of the rendered page (single-page apps included)
 */
record Visit(URI page, Journey journey, URI finalUrl, int status, Boolean banner, boolean decided, String problem,
        List<Cookie> cookies, StorageKeys storage, List<Request> requests, List<URI> links) {

    Visit {
        cookies = List.copyOf(cookies);
        requests = List.copyOf(requests);
        links = List.copyOf(links);
    }

    static Visit failed(URI page, Journey journey, String problem) {
        return new Visit(page, journey, page, 0, null, false, problem, List.of(), StorageKeys.NONE, List.of(),
                List.of());
    }

    /**
     * A cookie the context held at the end of the journey; its value is reduced to a length and a shape.
     *
     * @param phase          when it first appeared
     * @param writtenAfter   the phase after the journey's decision, when a write after it was seen (a cookie that
     *                       was there before and is written again after "Reject all"), else null
     */
    record Cookie(String name, String domain, boolean hostOnly, String path, Instant expiresAt, Long lifetimeSeconds,
            boolean secure, boolean httpOnly, String sameSite, boolean partitioned, int size, int valueLength,
            String valueShape, Phase phase, Phase writtenAfter, Setter setter) {

        String key() {
            return name + "\n" + domain;
        }
    }

    /** A request the page made. */
    record Request(URI url, String type, Phase phase) {
    }

    /** Names of what the page keeps in Web Storage and IndexedDB. */
    record StorageKeys(List<String> local, List<String> session, List<String> indexedDb) {
        static final StorageKeys NONE = new StorageKeys(List.of(), List.of(), List.of());

        StorageKeys {
            local = List.copyOf(local);
            session = List.copyOf(session);
            indexedDb = List.copyOf(indexedDb);
        }
    }
}
