package dev.akkoord.scan.crawl;

import java.net.URI;

/**
 * Why a fetch did not give a usable response.
 *
 * @param kind   the reason, stable for storage and tests
 * @param url    the URL that failed (the redirect hop, not necessarily the one asked for)
 * @param detail a sentence for the site owner
 */
public record FetchProblem(Kind kind, URI url, String detail) {

    public enum Kind {
        /** The address is loopback, private, link-local, metadata, reserved or multicast, and not allowed. */
        REFUSED_ADDRESS,
        UNRESOLVABLE,
        CONNECTION,
        TIMEOUT,
        TOO_LARGE,
        REDIRECT_LOOP,
        TOO_MANY_REDIRECTS,
        BAD_REDIRECT,
        /** robots.txt forbids the URL for our user agent. */
        ROBOTS_DISALLOWED,
        /** Fetching from this host is switched off ({@code akkoord.scan.third-party-fetch=false}). */
        NOT_FETCHED,
        HTTP_ERROR,
        /** robots.txt could not be read (5xx or network): RFC 9309 says to crawl nothing. */
        ROBOTS_UNAVAILABLE,
        SITEMAP_INVALID,
        /** A Set-Cookie a browser would refuse (Domain not matching the host, or a public suffix). */
        COOKIE_REJECTED,
        /** The crawl reached its time limit and stopped with what it had. */
        CRAWL_DEADLINE,
        /** A bug or an unexpected failure while handling a URL. */
        INTERNAL
    }

    /** How a failed TLS handshake's detail begins (the connection problem an owner can fix in their certificate). */
    static final String TLS_FAILED = "TLS failed: ";

    /** Whether the connection failed in its TLS handshake. */
    public boolean tls() {
        return kind == Kind.CONNECTION && detail != null && detail.startsWith(TLS_FAILED);
    }

    /** The exception form, for failing a Uni with a problem that is already explained. */
    static final class Failure extends RuntimeException {
        final Kind kind;

        Failure(Kind kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }

        FetchProblem at(URI url) {
            return new FetchProblem(kind, url, getMessage());
        }
    }
}
