package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.tracker.TrackerCatalog;
import dev.akkoord.scan.tracker.TrackerSighting;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The crawler against real HTTP servers on 127.0.0.1 (the "site") and localhost (a "third party"). */
class CrawlerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> LOCAL = List.of("127.0.0.1", "localhost");

    private static Vertx vertx;
    private static ExecutorService worker;

    private FixtureServer site;
    private FixtureServer other;
    private HostLimits hostLimits;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        worker = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
        worker.shutdownNow();
    }

    @BeforeEach
    void startServers() throws Exception {
        site = new FixtureServer(vertx.getDelegate());
        other = new FixtureServer(vertx.getDelegate());
        hostLimits = new HostLimits(2);
    }

    @AfterEach
    void stopServers() throws Exception {
        site.close();
        other.close();
    }

    private Crawler crawler(AddressPolicy policy) {
        return new Crawler(vertx, policy, hostLimits, TrackerCatalog.bundled(), worker, "AkkoordScanner/1.0 (test)");
    }

    private static CrawlSettings quick() {
        return CrawlSettings.defaults().withRequestTimeout(Duration.ofSeconds(1)).withMaxBodyBytes(64 * 1024);
    }

    private CrawlReport crawl(AddressPolicy policy, CrawlSettings settings, String... domains) {
        Crawler crawler = crawler(policy);
        try {
            return crawler.crawl(List.of(domains), settings, CrawlListener.NONE).await().atMost(WAIT);
        } finally {
            crawler.close();
        }
    }

    private String siteUrl(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    private String otherUrl(String path) {
        return "http://localhost:" + other.port() + path;
    }

    @Test
    void shouldFetchNothingMoreOnceItsGateRefuses() {
        site.page("/", "<html><body><a href=\"/a\">a</a> <a href=\"/b\">b</a></body></html>");
        site.page("/a", "<html><body>a</body></html>");
        site.page("/b", "<html><body>b</body></html>");
        IllegalStateException refusal = new IllegalStateException("the scan is someone else's now");
        // Open until the start page has been requested: its links are the requests the gate must stop.
        CrawlGate gate = () -> site.hits("/") == 0 ? Uni.createFrom().voidItem() : Uni.createFrom().failure(refusal);
        Crawler crawler = crawler(AddressPolicy.allowing(LOCAL));
        try {
            Throwable failure = crawler.crawl(List.of("127.0.0.1:" + site.port()), quick(), CrawlListener.NONE, gate)
                    .onItemOrFailure().transform((report, error) -> error).await().atMost(WAIT);

            assertSame(refusal, failure, "the crawl fails with the gate's reason");
            assertEquals(1, site.hits("/"));
            assertEquals(0, site.hits("/a") + site.hits("/b"), "no request after the refusal");
        } finally {
            crawler.close();
        }
    }

    @Test
    void shouldCrawlTheSiteAndRecordEveryCookie() throws Exception {
        CountDownLatch bigStreamClosed = new CountDownLatch(1);
        site.route("/robots.txt", r -> r.response().putHeader("Content-Type", "text/plain").end("""
                User-agent: *
                Disallow: /everyone-out/

                User-agent: AkkoordScanner
                Disallow: /private/
                Allow: /private/open.html
                Sitemap: %s
                """.formatted(siteUrl("/sitemap.xml"))));
        site.route("/sitemap.xml", r -> r.response().putHeader("Content-Type", "application/xml").end("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc></url>
                  <url><loc>http://example.org/elsewhere</loc></url>
                </urlset>
                """.formatted(siteUrl("/orphan"))));
        site.page("/", """
                <html><head>
                <script src="%s"></script>
                <script>
                  window.dataLayer = window.dataLayer || [];
                  function gtag(){dataLayer.push(arguments);}
                  gtag('js', new Date());
                  gtag('config', 'G-TEST123');
                </script>
                <script>!function(f,b,e,v,n,t,s){}(window, document,'script');
                  fbq('init', '1234567890'); fbq('track', 'PageView');</script>
                </head><body>
                <a href="/about">About</a> <a href="/shop#top">Shop</a> <a href="/private/secret">Secret</a>
                <a href="/private/open.html">Open</a> <a href="/everyone-out/x">Not us</a>
                <a href="/api/data">Data</a> <a href="/file.pdf">PDF</a> <a href="/loop">Loop</a>
                <a href="/big">Big</a> <a href="/slow">Slow</a> <a href="/trickle">Trickle</a>
                <a href="/to-metadata">Metadata</a> <a href="/chain0">Chain</a> <a href="http://example.org/">Elsewhere</a>
                <img src="%s" width="1" height="1">
                </body></html>
                """.formatted(otherUrl("/pixel.js"), otherUrl("/px.gif")),
                "sessionid=abc; Path=/; HttpOnly; SameSite=Lax");
        site.page("/about", "<html><body><a href=\"/\">Home</a></body></html>",
                "_ga=GA1.1.123.456; Max-Age=63072000; Path=/; Domain=127.0.0.1",
                "stolen=1; Domain=example.com; Path=/");
        site.page("/shop", "<html><body><a href=\"/shop/item?id=1\">Item</a></body></html>",
                "_fbp=fb.1.123.456; Max-Age=7776000; Path=/; Secure; SameSite=None");
        site.page("/shop/item", "<html><body>item</body></html>");
        site.page("/orphan", "<html><body>only in the sitemap</body></html>");
        site.page("/private/open.html", "<html><body>allowed</body></html>");
        site.page("/private/secret", "<html><body>never fetched</body></html>");
        site.page("/everyone-out/x", "<html><body>our group allows this</body></html>");
        site.page("/file.pdf", "never fetched");
        site.route("/api/data", r -> r.response().putHeader("Content-Type", "application/json")
                .putHeader("Set-Cookie", "api_pref=1; Path=/").end("{\"href\": \"/from-json\"}"));
        site.redirect("/loop", "/loop-again");
        site.redirect("/loop-again", "/loop");
        for (int i = 0; i < 7; i++) {
            site.redirect("/chain" + i, "/chain" + (i + 1));
        }
        site.page("/chain7", "<html></html>");
        site.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        site.route("/big", r -> {
            var response = r.response().setChunked(true).putHeader("Content-Type", "text/html")
                    .putHeader("Set-Cookie", "big_seen=1; Path=/");
            response.write("<html><body><a href=\"/after-big\">never reached</a>");
            Buffer chunk = Buffer.buffer("<p>" + "x".repeat(16 * 1024) + "</p>");
            long timer = vertx.getDelegate().setPeriodic(2, id -> {
                if (!response.closed() && !response.writeQueueFull()) {
                    response.write(chunk);
                }
            });
            response.closeHandler(v -> {
                vertx.getDelegate().cancelTimer(timer);
                bigStreamClosed.countDown();
            });
        });
        site.route("/slow", r -> vertx.getDelegate().setTimer(3000, id -> {
            if (!r.response().closed()) {
                r.response().putHeader("Set-Cookie", "slow_seen=1").end("<html></html>");
            }
        }));
        site.route("/trickle", r -> {
            var response = r.response().setChunked(true).putHeader("Content-Type", "text/html")
                    .putHeader("Set-Cookie", "trickle_seen=1; Path=/");
            long timer = vertx.getDelegate().setPeriodic(100, id -> {
                if (!response.closed()) {
                    response.write(" ");
                }
            });
            response.closeHandler(v -> vertx.getDelegate().cancelTimer(timer));
        });
        other.route("/pixel.js", r -> r.response().putHeader("Content-Type", "application/javascript")
                .putHeader("Set-Cookie", "tp_uid=42; Max-Age=31536000; Path=/; Secure; SameSite=None").end("//"));
        other.route("/px.gif", r -> r.response().putHeader("Content-Type", "image/gif")
                .putHeader("Set-Cookie", "px_id=7; Max-Age=86400; Path=/").end(Buffer.buffer(new byte[43])));

        long started = System.nanoTime();
        CrawlReport report = crawl(AddressPolicy.allowing(LOCAL), quick(), "127.0.0.1:" + site.port());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(List.of(URI.create(siteUrl("/"))), report.origins(), "https fails on a plain HTTP port, so http");

        CookieSighting session = cookie(report, "sessionid").orElseThrow();
        assertEquals("127.0.0.1", session.domain());
        assertTrue(session.hostOnly());
        assertTrue(session.httpOnly());
        assertEquals("Lax", session.sameSite());
        assertNull(session.lifetimeSeconds(), "no Expires or Max-Age: a session cookie");
        assertFalse(session.thirdParty());
        assertEquals(URI.create(siteUrl("/")), session.page());

        CookieSighting ga = cookie(report, "_ga").orElseThrow();
        assertEquals(63072000L, ga.lifetimeSeconds());
        assertFalse(ga.hostOnly());
        assertEquals(URI.create(siteUrl("/about")), ga.page());

        CookieSighting fbp = cookie(report, "_fbp").orElseThrow();
        assertTrue(fbp.secure());
        assertEquals("None", fbp.sameSite());
        assertEquals(URI.create(siteUrl("/shop")), fbp.page());

        CookieSighting thirdParty = cookie(report, "tp_uid").orElseThrow();
        assertTrue(thirdParty.thirdParty(), "localhost is another registrable domain than 127.0.0.1");
        assertEquals("localhost", thirdParty.domain());
        assertEquals(URI.create(siteUrl("/")), thirdParty.page());
        assertEquals(URI.create(otherUrl("/pixel.js")), thirdParty.setBy());
        assertTrue(cookie(report, "px_id").orElseThrow().thirdParty(), "pixels are fetched too");

        assertTrue(cookie(report, "api_pref").isPresent(), "non-HTML responses still count for cookies");
        assertTrue(cookie(report, "big_seen").isPresent(), "an oversized page's headers still count");
        assertTrue(cookie(report, "trickle_seen").isPresent(), "a timed-out page's headers still count");
        assertFalse(cookie(report, "stolen").isPresent(), "127.0.0.1 may not set a cookie for example.com");
        assertTrue(hasProblem(report, FetchProblem.Kind.COOKIE_REJECTED, "/about"));

        assertEquals(0, site.hits("/private/secret"), "robots.txt disallows it for AkkoordScanner");
        assertTrue(hasProblem(report, FetchProblem.Kind.ROBOTS_DISALLOWED, "/private/secret"));
        assertEquals(1, site.hits("/private/open.html"), "the longer Allow wins");
        assertEquals(1, site.hits("/everyone-out/x"), "our own group replaces the * group");
        assertEquals(1, site.hits("/orphan"), "sitemap entries are crawled");
        assertEquals(1, visit(report, "/orphan").orElseThrow().depth());
        assertEquals(1, site.hits("/shop/item"));
        assertEquals(0, site.hits("/file.pdf"), "binary extensions are not spent from the page budget");
        assertEquals(0, site.hits("/from-json"), "only HTML is parsed");
        assertEquals(0, site.hits("/after-big"), "an oversized page is not parsed");
        assertFalse(visit(report, "/api/data").orElseThrow().parsed());
        assertEquals("application/json", visit(report, "/api/data").orElseThrow().contentType());
        assertTrue(report.pages().stream().noneMatch(p -> p.url().getHost().equals("example.org")));

        assertTrue(hasProblem(report, FetchProblem.Kind.REDIRECT_LOOP, "/loop"));
        assertTrue(hasProblem(report, FetchProblem.Kind.TOO_MANY_REDIRECTS, "/chain0"));
        assertEquals(1, site.hits("/chain5"), "five redirects are followed");
        assertEquals(0, site.hits("/chain6"), "the sixth is not");
        assertTrue(hasProblem(report, FetchProblem.Kind.TOO_LARGE, "/big"));
        assertTrue(bigStreamClosed.await(5, TimeUnit.SECONDS), "the oversized stream is cut, not drained");
        assertTrue(hasProblem(report, FetchProblem.Kind.TIMEOUT, "/slow"));
        assertTrue(hasProblem(report, FetchProblem.Kind.TIMEOUT, "/trickle"));
        assertTrue(hasProblem(report, FetchProblem.Kind.REFUSED_ADDRESS, "/latest/meta-data/"),
                "a redirect to the metadata address is refused");

        TrackerSighting analytics = tracker(report, "google-analytics-4").orElseThrow();
        assertEquals("TEST123", analytics.accountId());
        assertEquals("snippet", analytics.via());
        assertTrue(analytics.evidence().contains("gtag('config', 'G-TEST123')"), analytics.evidence());
        assertEquals("1234567890", tracker(report, "meta-pixel").orElseThrow().accountId());

        assertTrue(hostLimits.peak() <= 2, "never more than the per-host limit, got " + hostLimits.peak());
        assertTrue(took.toMillis() < 10_000, "time limits keep the crawl short, took " + took);
    }

    @Test
    void shouldDetectTrackersWithoutFetchingThemWhenThirdPartyFetchIsOff() {
        site.page("/", """
                <html><head>
                <script async src="https://www.googletagmanager.com/gtag/js?id=G-OFFLINE1"></script>
                <script src="%s"></script>
                </head><body>
                <img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=555&ev=PageView&noscript=1"/>
                <iframe src="https://www.youtube.com/embed/abc"></iframe>
                </body></html>
                """.formatted(otherUrl("/pixel.js")));
        other.route("/pixel.js", r -> r.response().putHeader("Set-Cookie", "tp_uid=42; Max-Age=60").end("//"));

        CrawlReport report = crawl(AddressPolicy.allowing(LOCAL), quick().withThirdPartyFetch(false),
                "127.0.0.1:" + site.port());

        assertEquals(0, other.hits("/pixel.js"), "hosts outside the site are not fetched");
        assertTrue(cookie(report, "tp_uid").isEmpty());
        assertEquals(0, report.resourcesFetched());
        assertTrue(report.thirdPartyHosts().stream().anyMatch(r -> r.host().equals("www.facebook.com")
                && r.kind().equals("pixel")), report.thirdPartyHosts().toString());
        TrackerSighting analytics = tracker(report, "google-analytics-4").orElseThrow();
        assertEquals("OFFLINE1", analytics.accountId());
        assertEquals("script", analytics.via());
        assertEquals("www.googletagmanager.com", analytics.host());
        assertEquals("555", tracker(report, "meta-pixel").orElseThrow().accountId());
        assertEquals("frame", tracker(report, "youtube-embed").orElseThrow().via());
    }

    @Test
    void shouldRefusePrivateAddressesUnlessAllowed() {
        site.page("/", "<html><body>hello</body></html>", "seen=1");

        CrawlReport loopback = crawl(AddressPolicy.publicOnly(), quick(), "127.0.0.1:" + site.port());
        CrawlReport byName = crawl(AddressPolicy.publicOnly(), quick(), "localhost:" + site.port());
        CrawlReport privateNet = crawl(AddressPolicy.allowing(LOCAL), quick(), "10.20.30.40");
        CrawlReport metadata = crawl(AddressPolicy.allowing(LOCAL), quick(), "169.254.169.254");
        CrawlReport mapped = crawl(AddressPolicy.publicOnly(), quick(), "[::ffff:127.0.0.1]:" + site.port());

        assertEquals(0, site.hits("/robots.txt") + site.hits("/"), "nothing may reach a refused address");
        for (CrawlReport report : List.of(loopback, byName, privateNet, metadata, mapped)) {
            assertTrue(report.pages().isEmpty());
            assertTrue(report.cookies().isEmpty());
            assertTrue(report.problems().stream().anyMatch(p -> p.kind() == FetchProblem.Kind.REFUSED_ADDRESS),
                    report.problems().toString());
        }

        CrawlReport allowed = crawl(AddressPolicy.allowing(List.of("127.0.0.0/8")), quick(), "127.0.0.1:" + site.port());
        assertEquals(1, allowed.pages().size(), "a CIDR range in the allow-list opens the door");
    }

    @Test
    void shouldRefuseARedirectToAPrivateAddress() {
        site.redirect("/", "http://10.0.0.1/admin");
        site.page("/fine", "<html></html>");
        site.redirect("/v6", "http://[::1]:" + site.port() + "/fine");
        site.route("/robots.txt", r -> r.response().putHeader("Content-Type", "text/plain")
                .end("Sitemap: " + siteUrl("/sitemap.xml")));
        site.route("/sitemap.xml", r -> r.response().putHeader("Content-Type", "application/xml").end(
                "<urlset><url><loc>" + siteUrl("/v6") + "</loc></url></urlset>"));

        CrawlReport report = crawl(AddressPolicy.allowing(List.of("127.0.0.1")), quick(), "127.0.0.1:" + site.port());

        assertTrue(hasProblem(report, FetchProblem.Kind.REFUSED_ADDRESS, "/admin"), report.problems().toString());
        assertTrue(hasProblem(report, FetchProblem.Kind.REFUSED_ADDRESS, "/fine"),
                "::1 is not 127.0.0.1, and is refused: " + report.problems());
        assertEquals(0, site.hits("/fine"));
    }

    /**
     * Every spelling below means 127.0.0.2 to a browser (Java reads 0177.0.0.2 as the public 177.0.0.2, and 127.0.2
     * or 0x7f.0.0.2 as names): the crawler must vet 127.0.0.2, and refuse it, as only 127.0.0.1 is allowed. A listener
     * on 127.0.0.2 at the site's port proves that nothing connected there.
     */
    @Test
    void shouldReadAddressSpellingsAsBrowsersDoAndVetTheAddressTheyMean() throws Exception {
        int port = site.port();
        Map<String, String> meant = new LinkedHashMap<>(); // what the page names -> the URL a browser would open
        meant.put("http://0177.0.0.2:%d/octal", "http://127.0.0.2:%d/octal");
        meant.put("http://127.0.2:%d/short", "http://127.0.0.2:%d/short");
        meant.put("http://0x7f.0.0.2:%d/hex", "http://127.0.0.2:%d/hex");
        meant.put("http://2130706434:%d/decimal", "http://127.0.0.2:%d/decimal");
        meant.put("http://127.0.0.2.:%d/trailing-dot", "http://127.0.0.2:%d/trailing-dot");
        meant.put("http://0x7f000002:%d/script", "http://127.0.0.2:%d/script");
        meant.put("http://017700000002:%d/frame", "http://127.0.0.2:%d/frame");
        meant.put("http://127.0.0.0x2:%d/pixel", "http://127.0.0.2:%d/pixel");
        meant.put("http://[::ffff:127.0.0.2]:%d/mapped", "http://[::ffff:7f00:2]:%d/mapped");
        meant.put("http://[::ffff:7f00:2]:%d/mapped-hex", "http://[::ffff:7f00:2]:%d/mapped-hex");
        List<String> named = meant.keySet().stream().map(url -> url.formatted(port)).toList();

        // the first five as redirects from pages of the site, the others loaded by the start page
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            site.redirect("/go" + i, named.get(i));
            links.append("<a href=\"/go").append(i).append("\">go</a>");
        }
        site.page("/", """
                <html><head><script src="%s"></script></head><body>%s
                <iframe src="%s"></iframe> <img src="%s" width="1" height="1">
                <script src="%s"></script> <img src="%s" width="1" height="1">
                <a href="http://127.1:%d/about">about, at 127.0.0.1</a> <a href="/to-landing">landing</a>
                <a href="/to-five-parts">five parts</a> <a href="/to-33-bits">33 bits</a>
                </body></html>
                """.formatted(named.get(5), links, named.get(6), named.get(7), named.get(8), named.get(9), port));
        site.page("/about", "<html><body>about</body></html>");
        site.redirect("/to-landing", "http://0x7f.1:" + port + "/landing");
        site.page("/landing", "<html><body>landing</body></html>");
        site.redirect("/to-five-parts", "http://1.2.3.4.5:" + port + "/never");
        site.redirect("/to-33-bits", "http://0x100000000:" + port + "/never");

        CrawlReport report;
        int connectionsTo127002;
        try (ConnectionCounter elsewhere = new ConnectionCounter(new byte[] {127, 0, 0, 2}, port)) {
            report = crawl(AddressPolicy.allowing(List.of("127.0.0.1")).onlyAllowed(), quick(), "127.0.0.1:" + port);
            connectionsTo127002 = elsewhere.accepted();
        }

        assertEquals(0, connectionsTo127002, "nothing may connect to 127.0.0.2: " + report.problems());
        for (String url : meant.values()) {
            URI expected = URI.create(url.formatted(port));
            assertTrue(report.problems().stream().anyMatch(p -> p.kind() == FetchProblem.Kind.REFUSED_ADDRESS
                            && expected.equals(p.url()) && p.detail().contains("127.0.0.2 is not")),
                    "refused as 127.0.0.2: " + expected + " in " + report.problems());
        }
        assertEquals(1, site.hits("/about"), "127.1 is 127.0.0.1, which is allowed: " + report.problems());
        assertEquals(URI.create(siteUrl("/about")), visit(report, "/about").orElseThrow().url());
        assertEquals(1, site.hits("/landing"), "a redirect to 0x7f.1 is followed to 127.0.0.1");
        assertTrue(hasProblem(report, FetchProblem.Kind.BAD_REDIRECT, "/to-five-parts"), report.problems().toString());
        assertTrue(hasProblem(report, FetchProblem.Kind.BAD_REDIRECT, "/to-33-bits"), report.problems().toString());
        assertEquals(0, site.hits("/never"));
    }

    @Test
    void shouldStopAtThePageLimitAndTheDepthLimit() {
        for (int i = 0; i < 10; i++) {
            site.page(i == 0 ? "/" : "/p" + i, "<html><body><a href=\"/p" + (i + 1) + "\">next</a></body></html>");
        }

        CrawlReport limited = crawl(AddressPolicy.allowing(LOCAL), quick().withMaxPages(3), "127.0.0.1:" + site.port());
        assertEquals(3, limited.pages().size());
        assertEquals(0, site.hits("/p3"));
        assertEquals(1, limited.pagesQueued(), "the next link was found but not fetched: " + limited);

        CrawlReport shallow = crawl(AddressPolicy.allowing(LOCAL), quick().withMaxDepth(2), "127.0.0.1:" + site.port());
        assertEquals(3, shallow.pages().size(), "depth 0, 1 and 2");
        assertEquals(2, shallow.pages().get(2).depth());
        assertEquals(2, site.hits("/p2"), "once per crawl");
        assertEquals(0, site.hits("/p3"));
    }

    @Test
    void shouldKeepWithinThePerHostConcurrencyLimit() {
        AtomicInteger current = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            links.append("<a href=\"/n").append(i).append("\">n</a>");
            site.route("/n" + i, r -> {
                peak.accumulateAndGet(current.incrementAndGet(), Math::max);
                vertx.getDelegate().setTimer(40, id -> {
                    current.decrementAndGet();
                    r.response().putHeader("Content-Type", "text/html").end("<html></html>");
                });
            });
        }
        site.page("/", "<html><body>" + links + "</body></html>");

        CrawlReport report = crawl(AddressPolicy.allowing(LOCAL), quick().withPerHostConcurrency(3),
                "127.0.0.1:" + site.port());

        assertEquals(31, report.pages().size());
        assertEquals(2, peak.get(), "the shared per-host limit (2) wins over the crawl's own parallelism (3)");
    }

    @Test
    void shouldCrawlNothingWhenRobotsTxtIsUnavailable() {
        site.route("/robots.txt", r -> r.response().setStatusCode(503).end());
        site.page("/", "<html></html>");

        CrawlReport report = crawl(AddressPolicy.allowing(LOCAL), quick(), "127.0.0.1:" + site.port());

        assertEquals(0, site.hits("/"));
        assertTrue(hasProblem(report, FetchProblem.Kind.ROBOTS_UNAVAILABLE, "/robots.txt"));
    }

    private static Optional<CookieSighting> cookie(CrawlReport report, String name) {
        return report.cookies().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static Optional<TrackerSighting> tracker(CrawlReport report, String key) {
        return report.trackers().stream().filter(t -> t.signature().key().equals(key)).findFirst();
    }

    private static Optional<PageVisit> visit(CrawlReport report, String path) {
        return report.pages().stream().filter(p -> p.url().getPath().equals(path)).findFirst();
    }

    private static boolean hasProblem(CrawlReport report, FetchProblem.Kind kind, String path) {
        return report.problems().stream().anyMatch(p -> p.kind() == kind && p.url() != null
                && p.url().getPath().equals(path));
    }
}
