package dev.akkoord.scan.crawl;

import java.net.URI;
import java.util.List;

/**
 * What one fetch produced: every response on the way (redirects included, each with its Set-Cookie headers), the
 * kept body of the last one, and the problem that ended it early, if any.
 *
 * @param requested the URL asked for
 * @param hops      the responses in order; empty when not even a response head arrived
 * @param body      the final response's body when it was wanted, complete and within the limit; otherwise null
 * @param problem   why the fetch did not give a usable final response, or null
 */
public record Fetched(URI requested, List<Hop> hops, byte[] body, FetchProblem problem) {

    /** One response on the way. */
    public record Hop(URI url, ResponseHead head) {
    }

    public Fetched {
        hops = List.copyOf(hops);
    }

    public URI finalUrl() {
        return hops.isEmpty() ? requested : hops.get(hops.size() - 1).url();
    }

    /** The last response head, or null when none arrived. */
    public ResponseHead finalHead() {
        return hops.isEmpty() ? null : hops.get(hops.size() - 1).head();
    }
}
