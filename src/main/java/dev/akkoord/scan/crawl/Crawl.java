package dev.akkoord.scan.crawl;

import dev.akkoord.scan.tracker.TrackerCatalog;
import dev.akkoord.scan.tracker.TrackerSighting;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * One crawl of one site, breadth first. Fetches run on the event loop; parsing runs on the worker executor; the
 * state below is shared between them and guarded by {@code this}. Never fails for the site's sake: problems end up
 * in the report. It fails only when its gate refuses a request, and then fetches nothing more.
 */
final class Crawl {

    /** Problems kept per crawl; a site with thousands of broken links needs no more to be understood. */
    private static final int MAX_PROBLEMS = 500;
    private static final int MAX_SITEMAP_DOCUMENTS = 10;

    private record Target(URI url, int depth) {
    }

    private record Load(PageContent.Resource resource, URI page) {
    }

    private final Vertx vertx;
    private final Fetcher fetcher;
    private final TrackerCatalog trackerCatalog;
    private final Executor worker;
    private final CrawlSettings settings;
    private final SiteScope scope;
    private final CrawlListener listener;
    private final CrawlGate gate;
    private final UniEmitter<? super CrawlReport> emitter;
    private final Predicate<URI> mayFetch;
    private final int maxKnownPages;

    private final ArrayDeque<Target> frontier = new ArrayDeque<>();
    private final Set<URI> knownPages = new HashSet<>();
    private final ArrayDeque<Load> loads = new ArrayDeque<>();
    private final Set<URI> knownResources = new HashSet<>();
    private final Map<String, RobotsRules> robots = new LinkedHashMap<>();
    private final Map<String, CookieSighting> cookies = new LinkedHashMap<>();
    private final Map<String, TrackerSighting> trackers = new LinkedHashMap<>();
    private final List<PageVisit> pages = new ArrayList<>();
    private final List<FetchProblem> problems = new ArrayList<>();
    private final List<URI> origins = new ArrayList<>();
    private final Set<URI> sitemapPages = new LinkedHashSet<>();
    private final Map<String, LoadedResource> thirdPartyHosts = new LinkedHashMap<>();
    private int pagesStarted;
    private int pagesInFlight;
    private int pagesParsing;
    private int loadsStarted;
    private int loadsInFlight;
    private boolean stopping;
    private boolean deadlineHit;
    private boolean finished;
    private boolean abandoned;
    private long deadlineTimer = -1;

    Crawl(Vertx vertx, Fetcher fetcher, TrackerCatalog trackerCatalog, Executor worker, CrawlSettings settings,
            SiteScope scope, CrawlListener listener, CrawlGate gate, UniEmitter<? super CrawlReport> emitter) {
        this.vertx = vertx;
        this.fetcher = fetcher;
        this.trackerCatalog = trackerCatalog;
        this.worker = worker;
        this.settings = settings;
        this.scope = scope;
        this.listener = listener;
        this.gate = gate;
        this.emitter = emitter;
        this.mayFetch = url -> settings.thirdPartyFetch() || scope.isSiteHost(url.getHost());
        this.maxKnownPages = Math.max(1_000, settings.maxPages() * 10);
    }

    void begin() {
        deadlineTimer = vertx.setTimer(settings.crawlTimeout().toMillis(), id -> hitDeadline());
        Multi.createFrom().iterable(scope.domains())
                .onItem().transformToUniAndConcatenate(this::discover)
                .collect().last()
                .subscribe().with(ignored -> seedAndPump(), failure -> {
                    problem(new FetchProblem(FetchProblem.Kind.INTERNAL, null, "discovery failed: " + failure));
                    seedAndPump();
                });
    }

    // ---- discovery: origin, robots.txt, sitemaps ----

    /** Finds the origin (https, else http), reads its robots.txt and sitemaps. */
    private Uni<Void> discover(SiteScope.Domain domain) {
        URI https = Urls.canonical("https://" + domain.authority() + "/robots.txt");
        URI http = Urls.canonical("http://" + domain.authority() + "/robots.txt");
        return fetch(https, FetchPurpose.ROBOTS)
                .onItem().transformToUni(viaHttps -> unreachable(viaHttps)
                        ? fetch(http, FetchPurpose.ROBOTS).invoke(viaHttp -> {
                            if (unreachable(viaHttp) && viaHttps.problem().tls()) {
                                problem(viaHttps.problem()); // "refused over http" alone would hide the cause
                            }
                        })
                        : Uni.createFrom().item(viaHttps))
                .emitOn(worker)
                .onItem().transformToUni(fetched -> {
                    recordCookies(fetched, fetched.requested());
                    if (unreachable(fetched) || fetched.problem() != null
                            && fetched.problem().kind() == FetchProblem.Kind.REFUSED_ADDRESS) {
                        problem(fetched.problem());
                        return Uni.createFrom().voidItem();
                    }
                    URI origin = Urls.sameOrigin(fetched.requested(), "/");
                    RobotsRules rules = robotsFrom(fetched);
                    synchronized (this) {
                        origins.add(origin);
                        robots.put(origin.getRawAuthority(), rules);
                    }
                    return readSitemaps(origin, rules);
                });
    }

    /** No response at all (as opposed to an HTTP error): try the other scheme, or give up on the domain. */
    private static boolean unreachable(Fetched fetched) {
        return fetched.hops().isEmpty() && fetched.problem() != null
                && (fetched.problem().kind() == FetchProblem.Kind.CONNECTION
                        || fetched.problem().kind() == FetchProblem.Kind.TIMEOUT
                        || fetched.problem().kind() == FetchProblem.Kind.UNRESOLVABLE);
    }

    private RobotsRules robotsFrom(Fetched fetched) {
        ResponseHead head = fetched.finalHead();
        if (head == null || head.status() >= 500 || head.status() == 429) {
            problem(new FetchProblem(FetchProblem.Kind.ROBOTS_UNAVAILABLE, fetched.finalUrl(),
                    "robots.txt could not be read (" + (head == null ? fetched.problem().detail() : "status "
                            + head.status()) + "); as RFC 9309 asks, nothing on this origin is crawled"));
            return RobotsRules.disallowAll();
        }
        if (fetched.body() == null) {
            return RobotsRules.allowAll(); // 4xx (no robots.txt), or not text
        }
        return RobotsRules.parse(new String(fetched.body(), StandardCharsets.UTF_8), CrawlSettings.ROBOTS_AGENT);
    }

    private Uni<Void> readSitemaps(URI origin, RobotsRules rules) {
        Set<URI> declared = new LinkedHashSet<>();
        for (String location : rules.sitemaps()) {
            URI url = Urls.canonical(location);
            if (url != null && scope.isSiteHost(url.getHost())) {
                declared.add(url);
            }
        }
        URI fallback = Urls.sameOrigin(origin, "/sitemap.xml");
        Set<URI> toRead = new LinkedHashSet<>(declared);
        toRead.add(fallback);
        ArrayDeque<URI> queue = new ArrayDeque<>(toRead);
        return readNextSitemap(queue, toRead, declared, 0);
    }

    private Uni<Void> readNextSitemap(ArrayDeque<URI> queue, Set<URI> known, Set<URI> declared, int read) {
        URI url = queue.poll();
        if (url == null || read >= MAX_SITEMAP_DOCUMENTS) {
            return Uni.createFrom().voidItem();
        }
        return fetch(url, FetchPurpose.SITEMAP)
                .emitOn(worker)
                .onItem().transformToUni(fetched -> {
                    recordCookies(fetched, url);
                    ResponseHead head = fetched.finalHead();
                    if (fetched.body() == null) {
                        if (declared.contains(url)) { // a missing /sitemap.xml is normal; a declared one is not
                            problem(fetched.problem() != null ? fetched.problem()
                                    : new FetchProblem(FetchProblem.Kind.HTTP_ERROR, url, "sitemap answered "
                                            + (head == null ? "nothing" : "status " + head.status())));
                        }
                    } else {
                        readSitemap(fetched, queue, known);
                    }
                    return readNextSitemap(queue, known, declared, read + 1);
                });
    }

    private void readSitemap(Fetched fetched, ArrayDeque<URI> queue, Set<URI> known) {
        Sitemap sitemap;
        try {
            sitemap = Sitemap.parse(fetched.body(), maxKnownPages);
        } catch (IllegalArgumentException e) {
            problem(new FetchProblem(FetchProblem.Kind.SITEMAP_INVALID, fetched.finalUrl(), e.getMessage()));
            return;
        }
        for (String location : sitemap.locations()) {
            URI url = Urls.canonical(location);
            if (url == null) {
                continue;
            }
            if (sitemap.index()) {
                if (scope.isSiteHost(url.getHost()) && known.add(url)) {
                    queue.add(url);
                }
            } else if (scope.isPage(url)) {
                synchronized (this) {
                    if (sitemapPages.size() < maxKnownPages) {
                        sitemapPages.add(url);
                    }
                }
            }
        }
    }

    private void seedAndPump() {
        synchronized (this) {
            for (URI origin : origins) {
                enqueuePage(origin, 0);
            }
            for (URI url : sitemapPages) {
                enqueuePage(url, 1);
            }
            sitemapPages.clear();
        }
        pump();
    }

    // ---- the crawl loop ----

    /** Every request of the crawl goes through here: the gate first, and a refusal stops the whole crawl. */
    private Uni<Fetched> fetch(URI url, FetchPurpose purpose) {
        return gate.check()
                .onFailure().invoke(this::abandon)
                .onItem().transformToUni(ignored -> fetcher.fetch(url, purpose, settings, mayFetch));
    }

    /** Fails the crawl with the gate's reason; requests in flight end unread, and {@link #pump()} starts none. */
    private void abandon(Throwable reason) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            stopping = true;
            abandoned = true;
        }
        vertx.cancelTimer(deadlineTimer);
        emitter.fail(reason);
    }

    /** Starts what the limits allow, and finishes the crawl when nothing is left. */
    private void pump() {
        List<Runnable> launches = new ArrayList<>();
        boolean done = false;
        synchronized (this) {
            // Parsing runs beside fetching; the cap on both together bounds the bodies held in memory.
            while (!stopping && pagesInFlight < settings.perHostConcurrency()
                    && pagesInFlight + pagesParsing < 2 * settings.perHostConcurrency()
                    && pagesStarted < settings.maxPages() && !frontier.isEmpty()) {
                Target target = frontier.poll();
                if (!robotsFor(target.url()).allows(target.url())) {
                    problem(new FetchProblem(FetchProblem.Kind.ROBOTS_DISALLOWED, target.url(),
                            "robots.txt disallows this URL for " + CrawlSettings.ROBOTS_AGENT));
                    continue;
                }
                pagesStarted++;
                pagesInFlight++;
                launches.add(() -> launchPage(target));
            }
            while (!stopping && loadsInFlight < settings.perHostConcurrency() && !loads.isEmpty()) {
                Load load = loads.poll();
                loadsStarted++;
                loadsInFlight++;
                launches.add(() -> launchLoad(load));
            }
            boolean pagesOver = frontier.isEmpty() || pagesStarted >= settings.maxPages() || stopping;
            boolean loadsOver = loads.isEmpty() || stopping;
            if (!finished && pagesInFlight == 0 && pagesParsing == 0 && loadsInFlight == 0 && pagesOver && loadsOver) {
                finished = true;
                done = true;
            }
        }
        launches.forEach(Runnable::run);
        if (done) {
            complete();
        }
    }

    private void launchPage(Target target) {
        fetch(target.url(), FetchPurpose.PAGE)
                .subscribe().with(fetched -> {
                    synchronized (this) {
                        pagesInFlight--;
                        pagesParsing++;
                    }
                    pump(); // the host slot is free: the next fetch starts while this page is parsed
                    worker.execute(() -> {
                        try {
                            onPage(target, fetched);
                        } catch (RuntimeException e) {
                            problem(new FetchProblem(FetchProblem.Kind.INTERNAL, target.url(), "page not handled: " + e));
                        }
                        synchronized (this) {
                            pagesParsing--;
                        }
                        pageDone();
                    });
                }, failure -> {
                    problem(new FetchProblem(FetchProblem.Kind.INTERNAL, target.url(), "fetch failed: " + failure));
                    synchronized (this) {
                        pagesInFlight--;
                    }
                    pageDone();
                });
    }

    private void pageDone() {
        int done;
        int queued;
        boolean tell;
        synchronized (this) {
            done = pages.size();
            queued = stopping ? 0 : Math.min(frontier.size(), settings.maxPages() - pagesStarted);
            tell = !abandoned; // an abandoned crawl's progress is nobody's to hear
        }
        if (tell) {
            listener.progress(done, queued);
        }
        pump();
    }

    private void onPage(Target target, Fetched fetched) {
        recordCookies(fetched, target.url());
        ResponseHead head = fetched.finalHead();
        URI finalUrl = fetched.finalUrl();
        if (fetched.problem() != null) {
            problem(fetched.problem());
        } else if (head.status() >= 400) {
            problem(new FetchProblem(FetchProblem.Kind.HTTP_ERROR, finalUrl, "status " + head.status()));
        }
        boolean parse = fetched.body() != null && scope.isPage(finalUrl);
        synchronized (this) {
            pages.add(new PageVisit(target.url(), finalUrl, target.depth(), head == null ? 0 : head.status(),
                    head == null ? "" : head.mediaType(), parse));
            knownPages.add(finalUrl);
        }
        if (!parse) {
            return;
        }
        PageContent content = PageContent.parse(fetched.body(), head.charset(), finalUrl);
        List<TrackerSighting> found = new ArrayList<>();
        for (String code : content.inlineScripts()) {
            found.addAll(trackerCatalog.inSnippet(finalUrl, code));
        }
        for (PageContent.Resource resource : content.resources()) {
            found.addAll(trackerCatalog.inResource(finalUrl, resource.kind().name().toLowerCase(Locale.ROOT),
                    resource.url()));
        }
        synchronized (this) {
            for (TrackerSighting sighting : found) {
                trackers.putIfAbsent(sighting.signature().key() + "|" + sighting.accountId(), sighting);
            }
            if (target.depth() < settings.maxDepth()) {
                for (URI link : content.links()) {
                    if (scope.isPage(link) && Urls.looksLikePage(link)) {
                        enqueuePage(link, target.depth() + 1);
                    }
                }
            }
            for (PageContent.Resource resource : content.resources()) {
                String host = AddressPolicy.normalizeHost(resource.url().getHost());
                if (!scope.isSiteHost(host) && thirdPartyHosts.size() < settings.maxResources()) {
                    thirdPartyHosts.putIfAbsent(host, new LoadedResource(host, resource.url(),
                            resource.kind().name().toLowerCase(Locale.ROOT), finalUrl));
                }
                if (mayFetch.test(resource.url()) && knownResources.size() < settings.maxResources()
                        && knownResources.add(resource.url())) {
                    loads.add(new Load(resource, finalUrl));
                }
            }
        }
    }

    private void launchLoad(Load load) {
        fetch(load.resource().url(), FetchPurpose.RESOURCE)
                .emitOn(worker)
                .subscribe().with(fetched -> {
                    recordCookies(fetched, load.page());
                    if (fetched.problem() != null) {
                        problem(fetched.problem());
                    }
                    loadDone();
                }, failure -> {
                    problem(new FetchProblem(FetchProblem.Kind.INTERNAL, load.resource().url(), "fetch failed: " + failure));
                    loadDone();
                });
    }

    private void loadDone() {
        synchronized (this) {
            loadsInFlight--;
        }
        pump();
    }

    /** Called with the lock held. */
    private void enqueuePage(URI url, int depth) {
        if (knownPages.size() < maxKnownPages && knownPages.add(url)) {
            frontier.add(new Target(url, depth));
        }
    }

    /** Called with the lock held. */
    private RobotsRules robotsFor(URI url) {
        return RobotsRules.forUrl(robots, url);
    }

    // ---- findings ----

    private void recordCookies(Fetched fetched, URI page) {
        Instant now = Instant.now();
        for (Fetched.Hop hop : fetched.hops()) {
            String host = AddressPolicy.normalizeHost(hop.url().getHost());
            for (String header : hop.head().setCookies()) {
                SetCookie cookie = SetCookie.parse(header);
                if (cookie == null) {
                    continue;
                }
                if (cookie.domain() != null && !SiteScope.mayHostSet(host, cookie.domain())) {
                    problem(new FetchProblem(FetchProblem.Kind.COOKIE_REJECTED, hop.url(), "cookie " + cookie.name()
                            + " names Domain=" + cookie.domain() + ", which " + host + " may not set; browsers ignore it"));
                    continue;
                }
                Long lifetime = cookie.lifetimeSeconds(now);
                if (lifetime != null && lifetime <= 0) {
                    continue; // the header deletes the cookie
                }
                String domain = cookie.domain() == null ? host : cookie.domain();
                CookieSighting sighting = new CookieSighting(cookie.name(), domain, cookie.domain() == null,
                        cookie.path(), lifetime == null ? null : now.plusSeconds(lifetime), lifetime, cookie.secure(),
                        cookie.httpOnly(), cookie.sameSite(), !scope.isSiteHost(domain), page, hop.url());
                synchronized (this) {
                    cookies.putIfAbsent(sighting.key(), sighting);
                }
            }
        }
    }

    private synchronized void problem(FetchProblem problem) {
        if (problem != null && problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private void hitDeadline() {
        synchronized (this) {
            if (finished) {
                return;
            }
            stopping = true;
            deadlineHit = true;
        }
        problem(new FetchProblem(FetchProblem.Kind.CRAWL_DEADLINE, null, "the crawl reached its limit of "
                + settings.crawlTimeout().toSeconds() + " s and stopped with what it had"));
        pump();
    }

    private void complete() {
        vertx.cancelTimer(deadlineTimer);
        CrawlReport report;
        synchronized (this) {
            report = new CrawlReport(origins, pages, List.copyOf(cookies.values()), List.copyOf(trackers.values()),
                    problems, frontier.size(), loadsStarted, List.copyOf(thirdPartyHosts.values()), deadlineHit, Map.copyOf(robots));
        }
        emitter.complete(report);
    }
}
