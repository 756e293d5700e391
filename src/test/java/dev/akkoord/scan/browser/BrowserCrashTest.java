package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.AddressGuard;
import dev.akkoord.scan.crawl.AddressPolicy;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.CrawlSettings;
import dev.akkoord.scan.crawl.Crawler;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.FixtureServer;
import dev.akkoord.scan.crawl.HostLimits;
import dev.akkoord.scan.crawl.SiteScope;
import dev.akkoord.scan.tracker.TrackerCatalog;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A browser that dies in the middle of a scan: the whole browser killed with {@code kill -9}, and one page's
 * renderer killed. The scan finishes, the pages that were loading are reported, and the rest is found.
 */
class BrowserCrashTest {

    private static final AddressPolicy LOCAL_ONLY = AddressPolicy.allowing(List.of("127.0.0.1")).onlyAllowed();
    private static final int PAGES = 24;
    /** The browser is killed once this many pages are done, with a few still loading. */
    private static final int KILL_AFTER = 6;

    private static Vertx vertx;
    private static ExecutorService worker;

    @BeforeAll
    static void start() {
        NeedsChromium.check(BrowserSettings.defaults());
        vertx = Vertx.vertx();
        worker = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.closeAndAwait();
            worker.shutdownNow();
        }
    }

    @Test
    void aBrowserKilledMidScanIsReplacedAndTheScanGoesOn() throws Exception {
        BrowserSettings settings = BrowserSettings.defaults();
        try (FixtureShop site = FixtureShop.generated(vertx.getDelegate(), "", PAGES);
                BrowserScanner scanner = scanner(settings)) {
            List<String> domains = List.of("127.0.0.1:" + site.port());
            CrawlReport crawl = crawl(domains);
            assertEquals(PAGES, crawl.pages().size(), "the static crawl found every page");

            CompletableFuture<Long> killed = new CompletableFuture<>();
            ExecutorService killer = Executors.newSingleThreadExecutor();
            CrawlListener killAfter = (done, queued) -> {
                if (done == KILL_AFTER && !killed.isDone()) {
                    // from another thread, as a real crash comes: the scan must not be in a convenient place
                    killer.submit(() -> killed.complete(killTheBrowser()));
                }
            };
            BrowserReport report;
            try {
                report = scanner.scan(crawl, new SiteScope(domains), CrawlSettings.defaults(),
                        System.currentTimeMillis() + 120_000, killAfter).await().atMost(Duration.ofSeconds(150));
            } finally {
                killer.shutdown();
            }

            long victim = killed.get(5, TimeUnit.SECONDS);
            assertFalse(BrowserProcesses.running(victim), "the killed browser is gone");
            List<ProcessHandle> browsers = ownBrowsers();
            assertEquals(1, browsers.size(), "one browser, kept for the next scan: " + browsers);
            assertNotEquals(victim, browsers.get(0).pid(), "a new browser was started");

            List<BrowserReport.Page> crashed = report.pages().stream().filter(p -> p.problem() != null).toList();
            assertFalse(crashed.isEmpty(), "the pages loading at the crash are reported: " + report.pages());
            assertTrue(crashed.size() <= settings.tabs(), "only the pages that were loading: " + crashed);
            for (BrowserReport.Page page : crashed) {
                assertTrue(page.problem().contains("the browser stopped"), page.problem());
                assertTrue(report.problems().stream().anyMatch(p -> page.url().equals(p.url())
                        && p.detail().contains("browser")), "a problem names " + page.url() + ": " + report.problems());
            }

            Set<String> cookies = report.cookies().stream().map(BrowserReport.Cookie::name).collect(Collectors.toSet());
            Set<String> crashedPaths = crashed.stream().map(p -> p.finalUrl().getPath()).collect(Collectors.toSet());
            int after = 0;
            boolean pastTheCrash = false;
            // the start page / lands on /p/1 (report order is the order visits ended)
            List<String> generated = report.pages().stream().map(p -> p.finalUrl().getPath()).toList();
            for (String path : generated) {
                if (crashedPaths.contains(path)) {
                    pastTheCrash = true;
                    continue;
                }
                assertTrue(cookies.contains("gen_" + path.substring("/p/".length())), "the cookie of " + path
                        + " was found: " + cookies);
                after += pastTheCrash ? 1 : 0;
            }
            assertEquals(PAGES, Set.copyOf(generated).size(), "every page was visited once: " + report.pages());
            assertEquals(PAGES, generated.size(), "every page was visited once: " + report.pages());
            assertTrue(after >= PAGES - KILL_AFTER - 2 * settings.tabs(),
                    "pages after the crash were scanned in the new browser: " + after);
            assertTrue(cookies.contains("gen_" + PAGES), "the last page's cookie: " + cookies);
        }
    }

    /**
     * One page's renderer dies (as on a page that runs out of memory) while the page is loading: that page is
     * reported, the browser lives on and the other pages are found.
     */
    @Test
    void aRendererKilledWhileItsPageLoadsFailsThatPageAlone() throws Exception {
        BrowserSettings settings = new BrowserSettings("auto", Optional.empty(), 0, 1, VisitSettings.defaults());
        CompletableFuture<Long> browserAtTheCrash = new CompletableFuture<>();
        CompletableFuture<Integer> renderersKilled = new CompletableFuture<>();
        try (FixtureServer site = new FixtureServer(vertx.getDelegate());
                BrowserScanner scanner = scanner(settings)) {
            StringBuilder links = new StringBuilder("<a href=\"/slow\">slow</a>");
            for (int i = 1; i <= 4; i++) {
                links.append("<a href=\"/p").append(i).append("\">").append(i).append("</a>");
                site.page("/p" + i, "<html><body><script>document.cookie = 'c_" + i
                        + "=1; path=/; max-age=600';</script></body></html>");
            }
            site.page("/", "<html><body>" + links + "</body></html>");
            site.page("/slow", "<html><head><script src=\"/slow.js\"></script></head><body>slow</body></html>");
            site.route("/slow.js", request -> {
                boolean browser = request.getHeader("User-Agent") != null
                        && request.getHeader("User-Agent").contains("Chrome");
                if (!browser) {
                    request.response().putHeader("Content-Type", "text/javascript").end("1;");
                    return;
                }
                // The page is loading in the browser: kill its renderer, then answer (to no one).
                worker.submit(() -> {
                    List<ProcessHandle> browsers = ownBrowsers();
                    browserAtTheCrash.complete(browsers.isEmpty() ? -1 : browsers.get(0).pid());
                    List<ProcessHandle> renderers = browsers.isEmpty() ? List.of()
                            : BrowserProcesses.helpers(browsers.get(0), "renderer").stream()
                                    .filter(p -> !BrowserProcesses.commandLine(p.pid()).contains("--top-chrome-webui"))
                                    .toList();
                    renderers.forEach(ProcessHandle::destroyForcibly);
                    renderersKilled.complete(renderers.size());
                });
                vertx.getDelegate().setTimer(3_000, id -> {
                    if (!request.response().ended() && !request.response().closed()) {
                        request.response().putHeader("Content-Type", "text/javascript").end("1;");
                    }
                });
            });
            List<String> domains = List.of("127.0.0.1:" + site.port());
            CrawlReport crawl = crawl(domains);
            BrowserReport report = scanner.scan(crawl, new SiteScope(domains), CrawlSettings.defaults(),
                    System.currentTimeMillis() + 120_000, CrawlListener.NONE).await().atMost(Duration.ofSeconds(150));

            assertTrue(renderersKilled.get(5, TimeUnit.SECONDS) >= 1, "a renderer was killed");
            List<ProcessHandle> browsers = ownBrowsers();
            assertEquals(List.of(browserAtTheCrash.get()), browsers.stream().map(ProcessHandle::pid).toList(),
                    "the browser itself lived on");
            BrowserReport.Page slow = report.pages().stream().filter(p -> p.url().getPath().equals("/slow"))
                    .findFirst().orElseThrow();
            assertNotNull(slow.problem(), "the page whose renderer died is reported: " + report.pages());
            assertTrue(slow.problem().contains("renderer"), slow.problem());
            List<String> others = new ArrayList<>();
            report.pages().stream().filter(p -> !p.url().getPath().equals("/slow") && p.problem() != null)
                    .forEach(p -> others.add(p.url() + ": " + p.problem()));
            assertEquals(List.of(), others, "no other page failed");
            Set<String> cookies = report.cookies().stream().map(BrowserReport.Cookie::name).collect(Collectors.toSet());
            assertEquals(Set.of("c_1", "c_2", "c_3", "c_4"), cookies);
            assertTrue(report.problems().stream().map(FetchProblem::detail).anyMatch(d -> d.contains("renderer")),
                    report.problems().toString());
        }
    }

    private BrowserScanner scanner(BrowserSettings settings) {
        return new BrowserScanner(new AddressGuard(LOCAL_ONLY, worker), settings);
    }

    private static CrawlReport crawl(List<String> domains) {
        Crawler crawler = new Crawler(vertx, LOCAL_ONLY, new HostLimits(4), TrackerCatalog.bundled(), worker, "test");
        try {
            return crawler.crawl(domains, CrawlSettings.defaults().withRequestTimeout(Duration.ofSeconds(5)),
                    CrawlListener.NONE).await().atMost(Duration.ofSeconds(60));
        } finally {
            crawler.close();
        }
    }

    /** kill -9 of the scanner's browser (a child of this JVM); its helpers die on their own. */
    /**
     * Browsers of this JVM that other test classes left (an application under test keeps its idle browser): this
     * class's tests look only at the ones started after them.
     */
    private static Set<Long> othersBrowsers = Set.of();

    @org.junit.jupiter.api.BeforeEach
    void noteOtherBrowsers() {
        othersBrowsers = BrowserProcesses.browsersOf(ProcessHandle.current()).stream().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The browsers of this test's scanner. */
    private static List<ProcessHandle> ownBrowsers() {
        return BrowserProcesses.browsersOf(ProcessHandle.current()).stream()
                .filter(browser -> !othersBrowsers.contains(browser.pid())).toList();
    }

    private static long killTheBrowser() {
        List<ProcessHandle> browsers = ownBrowsers();
        assertEquals(1, browsers.size(), "one browser runs the scan: " + browsers);
        ProcessHandle browser = browsers.get(0);
        browser.destroyForcibly();
        return browser.pid();
    }
}
