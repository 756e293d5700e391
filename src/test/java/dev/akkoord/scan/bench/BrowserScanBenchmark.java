package dev.akkoord.scan.bench;

import dev.akkoord.scan.browser.BrowserProcesses;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.browser.BrowserScanner;
import dev.akkoord.scan.browser.BrowserSettings;
import dev.akkoord.scan.browser.FixtureShop;
import dev.akkoord.scan.crawl.AddressGuard;
import dev.akkoord.scan.crawl.AddressPolicy;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.CrawlSettings;
import dev.akkoord.scan.crawl.Crawler;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.HostLimits;
import dev.akkoord.scan.crawl.SiteScope;
import dev.akkoord.scan.tracker.TrackerCatalog;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Browser scan benchmark (not a test): {@link FixtureShop#generated} with 100 pages on 127.0.0.1, each page's script
 * setting two cookies, scanned twice in one run: the static crawl alone, then a scan as the application runs it (the
 * static crawl, then the browser pass over what it found, in a browser started for it). Resident memory of this JVM
 * (service and shop) and of every Chromium process below it is sampled every 200 ms. Run with {@code
 * bench/scan/run.sh} (heap capped at 256 MB, as the packaged service in the tests).
 *
 * <p>Targets: the browser scan within 60 s; JVM + browser resident memory at most 1.5 GB; every page's cookie found.
 */
public final class BrowserScanBenchmark {

    private static final int PAGES = Integer.getInteger("pages", 100);
    private static final long TARGET_SECONDS = 60;
    private static final long TARGET_RSS_MB = 1536;
    private static final AddressPolicy LOCAL_ONLY = AddressPolicy.allowing(List.of("127.0.0.1")).onlyAllowed();

    private BrowserScanBenchmark() {
    }

    /** Peak resident memory, sampled: this JVM, the browsers, and both at the same instant. */
    private static final class Sampler extends Thread {
        final AtomicLong jvmPeak = new AtomicLong();
        final AtomicLong browserPeak = new AtomicLong();
        final AtomicLong totalPeak = new AtomicLong();
        final AtomicLong browserProcessesPeak = new AtomicLong();
        volatile boolean stop;

        Sampler() {
            super("rss-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            long self = ProcessHandle.current().pid();
            while (!stop) {
                long jvm = BrowserProcesses.rssKb(self);
                List<ProcessHandle> browsers = BrowserProcesses.chromiumBelow(ProcessHandle.current());
                long browser = browsers.stream().mapToLong(p -> BrowserProcesses.rssKb(p.pid())).sum();
                jvmPeak.accumulateAndGet(jvm, Math::max);
                browserPeak.accumulateAndGet(browser, Math::max);
                totalPeak.accumulateAndGet(jvm + browser, Math::max);
                browserProcessesPeak.accumulateAndGet(browsers.size(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void reset() {
            jvmPeak.set(0);
            browserPeak.set(0);
            totalPeak.set(0);
            browserProcessesPeak.set(0);
        }
    }

    public static void main(String[] args) throws Exception {
        BrowserSettings defaults = BrowserSettings.defaults();
        BrowserSettings browserSettings = new BrowserSettings(defaults.mode(), defaults.binary(),
                defaults.journeyPages(), Integer.getInteger("tabs", defaults.tabs()), defaults.visit());
        Vertx vertx = Vertx.vertx();
        ExecutorService worker = Executors.newFixedThreadPool(2);
        BrowserScanner scanner = new BrowserScanner(new AddressGuard(LOCAL_ONLY, worker),
                browserSettings);
        if (!scanner.available()) {
            System.err.println(scanner.unavailableReason());
            System.exit(2);
        }
        FixtureShop shop = FixtureShop.generated(vertx.getDelegate(), "", PAGES);
        List<String> domains = List.of("127.0.0.1:" + shop.port());
        // The generated site is a chain (each page links to the next three): its last page is PAGES / 3 hops deep.
        CrawlSettings settings = CrawlSettings.defaults().withMaxPages(PAGES).withMaxDepth(PAGES);
        Sampler sampler = new Sampler();
        sampler.start();

        // 1. The static crawl alone.
        long start = System.nanoTime();
        CrawlReport staticOnly = crawl(vertx, worker, domains, settings);
        double staticSeconds = (System.nanoTime() - start) / 1e9;
        long staticRss = sampler.totalPeak.get();

        // 2. The scan as the application runs it: static crawl, then the browser pass (the browser starts with it).
        sampler.reset();
        start = System.nanoTime();
        CrawlReport crawl = crawl(vertx, worker, domains, settings);
        double crawlSeconds = (System.nanoTime() - start) / 1e9;
        BrowserReport report = scanner.scan(crawl, new SiteScope(domains), settings,
                System.currentTimeMillis() + settings.crawlTimeout().toMillis(), CrawlListener.NONE)
                .await().atMost(settings.crawlTimeout().plusMinutes(1));
        double browserSeconds = (System.nanoTime() - start) / 1e9;
        sampler.stop = true;
        sampler.join();

        Set<String> cookies = report.cookies().stream().map(BrowserReport.Cookie::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>();
        for (int page = 1; page <= PAGES; page++) {
            if (!cookies.contains("gen_" + page)) {
                missing.add("gen_" + page);
            }
        }
        if (!cookies.contains("gen_visit")) {
            missing.add("gen_visit");
        }
        long pagesWithProblems = report.pages().stream().filter(p -> p.problem() != null).count();

        System.out.printf(Locale.ROOT, "site                 %d generated pages on %s, %s%n", PAGES, shop.origin(),
                report.browser());
        System.out.printf(Locale.ROOT, "static crawl alone   %.2f s: %d pages, %d cookies%n", staticSeconds,
                staticOnly.pages().size(), staticOnly.cookies().size());
        System.out.printf(Locale.ROOT, "browser scan         %.2f s (static %.2f s + browser pass %.2f s; target <= %d s)%n",
                browserSeconds, crawlSeconds, browserSeconds - crawlSeconds, TARGET_SECONDS);
        System.out.printf(Locale.ROOT, "ratio                %.1fx the static crawl%n", browserSeconds / staticSeconds);
        System.out.printf(Locale.ROOT, "pages visited        %d in the browser (%d journeys, %d tabs), %d with a problem%n",
                report.pages().size(), report.visits(), browserSettings.tabs(), pagesWithProblems);
        System.out.printf(Locale.ROOT, "cookies found        %d by the browser (%d by the static crawl); missing: %s%n",
                cookies.size(), crawl.cookies().size(), missing.isEmpty() ? "none" : missing);
        for (FetchProblem problem : report.problems().stream().limit(5).toList()) {
            System.out.printf(Locale.ROOT, "problem              %s %s%n", problem.url(), problem.detail());
        }
        System.out.printf(Locale.ROOT, "peak RSS, static     %d MB (this JVM: service and shop)%n", staticRss / 1024);
        System.out.printf(Locale.ROOT, "peak RSS, browser    %d MB JVM + browsers at once (JVM peak %d MB, browsers "
                + "peak %d MB in up to %d processes; target <= %d MB)%n", sampler.totalPeak.get() / 1024,
                sampler.jvmPeak.get() / 1024, sampler.browserPeak.get() / 1024, sampler.browserProcessesPeak.get(),
                TARGET_RSS_MB);
        boolean ok = missing.isEmpty() && browserSeconds <= TARGET_SECONDS
                && sampler.totalPeak.get() / 1024 <= TARGET_RSS_MB;
        System.out.printf(Locale.ROOT, "load average         %s (the machine's, at the end)%n", loadAverage());
        System.out.println(ok ? "RESULT               PASS" : "RESULT               FAIL");

        scanner.close();
        shop.close();
        vertx.closeAndAwait();
        worker.shutdownNow();
        System.exit(ok ? 0 : 1);
    }

    /** Other work on the machine slows the browser down: the figures are read with it. */
    private static String loadAverage() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return load[0] + " " + load[1] + " " + load[2];
    }

    private static CrawlReport crawl(Vertx vertx, ExecutorService worker, List<String> domains,
            CrawlSettings settings) {
        Crawler crawler = new Crawler(vertx, LOCAL_ONLY, new HostLimits(settings.perHostConcurrency()),
                TrackerCatalog.bundled(), worker, settings.userAgent());
        try {
            return crawler.crawl(domains, settings, CrawlListener.NONE).await().atMost(Duration.ofMinutes(5));
        } finally {
            crawler.close();
        }
    }
}
