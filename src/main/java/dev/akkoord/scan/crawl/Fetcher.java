package dev.akkoord.scan.crawl;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.TypeArg;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.impl.WebClientInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Fetches one URL without blocking: vets the address, waits for a slot on the host, sends the request to the vetted
 * address, and follows redirects itself so that every hop is vetted again and every hop's cookies are seen.
 */
public final class Fetcher {

    private final Vertx vertx;
    private final WebClient client;
    private final AddressGuard guard;
    private final HostLimits hostLimits;

    public Fetcher(Vertx vertx, AddressGuard guard, HostLimits hostLimits, String userAgent) {
        this.vertx = vertx;
        this.guard = guard;
        this.hostLimits = hostLimits;
        WebClientOptions options = new WebClientOptions()
                .setUserAgent(userAgent)
                .setFollowRedirects(false)
                .setDecompressionSupported(true) // body limits then count what we would hold, not what was sent
                .setMaxPoolSize(hostLimits.perHost())
                .setKeepAlive(true)
                .setKeepAliveTimeout(15)
                .setMaxHeaderSize(64 * 1024)
                .setVerifyHost(true);
        this.client = WebClient.create(vertx, options);
        ((WebClientInternal) client.getDelegate()).addInterceptor(new ExchangeInterceptor());
    }

    public void close() {
        client.close();
    }

    /**
     * Fetches the URL, following up to {@code maxRedirects} redirects. Never fails: problems come back inside
     * {@link Fetched}.
     *
     * @param mayFetch whether a hop's URL may be fetched at all (third-party fetching can be switched off)
     */
    public Uni<Fetched> fetch(URI url, FetchPurpose purpose, CrawlSettings settings, Predicate<URI> mayFetch) {
        return hop(url, url, purpose, settings, mayFetch, new ArrayList<>(), new HashSet<>());
    }

    private Uni<Fetched> hop(URI requested, URI url, FetchPurpose purpose, CrawlSettings settings,
            Predicate<URI> mayFetch, List<Fetched.Hop> hops, Set<URI> chain) {
        if (!mayFetch.test(url)) {
            return done(requested, hops, new FetchProblem(FetchProblem.Kind.NOT_FETCHED, url,
                    "not fetched: " + url.getHost() + " is outside the site and third-party fetching is off"));
        }
        chain.add(url);
        String host = AddressPolicy.normalizeHost(url.getHost());
        return guard.vet(host)
                .onItem().transformToUni(address -> hostLimits.run(host, () -> exchange(url, address, purpose, settings)))
                .onItem().transformToUni(result -> {
                    ResponseHead head = result.exchange.head();
                    hops.add(new Fetched.Hop(url, head));
                    if (head.isRedirect() && result.failure == null) {
                        return redirect(requested, url, head, purpose, settings, mayFetch, hops, chain);
                    }
                    return done(requested, hops, result.body, problemAfterHead(url, result, settings));
                })
                .onFailure(FetchProblem.Failure.class)
                .recoverWithItem(failure -> new Fetched(requested, hops, null,
                        ((FetchProblem.Failure) failure).at(url)));
    }

    private Uni<Fetched> redirect(URI requested, URI from, ResponseHead head, FetchPurpose purpose,
            CrawlSettings settings, Predicate<URI> mayFetch, List<Fetched.Hop> hops, Set<URI> chain) {
        URI next = Urls.resolve(from, head.location());
        if (next == null) {
            return done(requested, hops, new FetchProblem(FetchProblem.Kind.BAD_REDIRECT, from,
                    "redirect to an unusable location: " + head.location()));
        }
        if (chain.contains(next)) {
            return done(requested, hops, new FetchProblem(FetchProblem.Kind.REDIRECT_LOOP, requested,
                    "redirect loop: " + from + " leads back to " + next));
        }
        if (hops.size() > settings.maxRedirects()) {
            return done(requested, hops, new FetchProblem(FetchProblem.Kind.TOO_MANY_REDIRECTS, requested,
                    "more than " + settings.maxRedirects() + " redirects starting at " + requested));
        }
        return hop(requested, next, purpose, settings, mayFetch, hops, chain);
    }

    private static FetchProblem problemAfterHead(URI url, ExchangeResult result, CrawlSettings settings) {
        Exchange.Abort abort = result.exchange.abort();
        if (abort == Exchange.Abort.TOO_LARGE && result.exchange.keeping()) {
            return new FetchProblem(FetchProblem.Kind.TOO_LARGE, url,
                    "body larger than " + settings.maxBodyBytes() + " bytes; not parsed");
        }
        if (abort == Exchange.Abort.TIMEOUT) {
            return new FetchProblem(FetchProblem.Kind.TIMEOUT, url,
                    "no complete response within " + settings.requestTimeout().toMillis() + " ms");
        }
        if (result.failure != null && abort == null) {
            return new FetchProblem(FetchProblem.Kind.CONNECTION, url, "connection failed while reading the body: "
                    + describe(result.failure));
        }
        return null;
    }

    private static Uni<Fetched> done(URI requested, List<Fetched.Hop> hops, byte[] body, FetchProblem problem) {
        return Uni.createFrom().item(new Fetched(requested, hops, problem == null ? body : null, problem));
    }

    private static Uni<Fetched> done(URI requested, List<Fetched.Hop> hops, FetchProblem problem) {
        return done(requested, hops, null, problem);
    }

    /** One request on the wire. Fails with {@link FetchProblem.Failure} only when no response head arrived. */
    private Uni<ExchangeResult> exchange(URI url, InetAddress address, FetchPurpose purpose, CrawlSettings settings) {
        Duration timeout = settings.requestTimeout();
        Exchange exchange = new Exchange(purpose.wantsBody, purpose.keepLimit(settings), purpose.drainLimit(settings));
        RequestOptions options = new RequestOptions()
                .setHost(url.getHost())
                .setPort(Urls.port(url))
                .setURI(Urls.requestTarget(url))
                .setSsl("https".equals(url.getScheme()))
                .setConnectTimeout(timeout.toMillis())
                .addHeader("Accept", purpose == FetchPurpose.PAGE
                        ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" : "*/*")
                .addHeader("Accept-Language", "en;q=0.9,*;q=0.5");
        SocketAddress server = SocketAddress.inetSocketAddress(Urls.port(url), address.getHostAddress());
        long timer = vertx.setTimer(timeout.toMillis(), id -> exchange.expire());
        return client.request(HttpMethod.GET, server, options)
                .as(BodyCodec.newInstance(exchange, TypeArg.of(Buffer.class)))
                .send()
                // a last guard in case a reset is never reported: the exchange gets a second, then gives up
                .ifNoItem().after(timeout.plusSeconds(1)).failWith(() -> {
                    exchange.expire();
                    return new TimeoutException("request abandoned");
                })
                .onItemOrFailure().transformToUni((response, failure) -> {
                    vertx.cancelTimer(timer);
                    return outcome(exchange, response, failure, timeout);
                });
    }

    private static Uni<ExchangeResult> outcome(Exchange exchange, HttpResponse<Buffer> response, Throwable failure,
            Duration timeout) {
        if (exchange.head() == null) {
            boolean timedOut = exchange.abort() == Exchange.Abort.TIMEOUT || failure instanceof TimeoutException;
            return Uni.createFrom().failure(timedOut
                    ? new FetchProblem.Failure(FetchProblem.Kind.TIMEOUT, "no response within " + timeout.toMillis() + " ms")
                    : new FetchProblem.Failure(FetchProblem.Kind.CONNECTION, describe(failure)));
        }
        byte[] body = response != null && exchange.keeping() ? response.body().getBytes() : null;
        return Uni.createFrom().item(new ExchangeResult(exchange, body, failure));
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no response";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return failure instanceof SSLException ? FetchProblem.TLS_FAILED + message : message;
    }

    /** The exchange after it ended, with the kept body and the failure that ended it, if any. */
    private record ExchangeResult(Exchange exchange, byte[] body, Throwable failure) {
    }
}
