package dev.akkoord.scan.bench;

import dev.akkoord.scan.crawl.AddressPolicy;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.CrawlSettings;
import dev.akkoord.scan.crawl.Crawler;
import dev.akkoord.scan.crawl.HostLimits;
import dev.akkoord.scan.tracker.TrackerCatalog;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.mutiny.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crawl benchmark (not a test): a generated site of 1,000 pages, served by this process on 127.0.0.1 with 20 ms added
 * to every response, crawled with a 1,000-page limit. Run with {@code bench/crawl.sh} (heap capped at 256 MB).
 * Target: at most 20 s, never more requests in flight to the host than the per-host limit.
 */
public final class CrawlBenchmark {

    private static final int PAGES = 1_000;
    private static final long LATENCY_MS = Long.getLong("latency", 20);
    private static final String FILLER = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(80)
            + "</p>";

    private CrawlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        ExecutorService worker = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peakInFlight = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = vertx.getDelegate().createHttpServer().requestHandler(request -> {
            requests.incrementAndGet();
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            vertx.getDelegate().setTimer(Math.max(1, LATENCY_MS), id -> {
                inFlight.decrementAndGet();
                respond(request.path(), request.response(), request.localAddress().port());
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int port = server.actualPort();

        CrawlSettings settings = CrawlSettings.defaults().withMaxPages(PAGES);
        HostLimits hostLimits = new HostLimits(settings.perHostConcurrency());
        Crawler crawler = new Crawler(vertx, AddressPolicy.allowing(List.of("127.0.0.1")), hostLimits,
                TrackerCatalog.bundled(), worker, settings.userAgent());
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }

        long start = System.nanoTime();
        CrawlReport report = crawler.crawl(List.of("127.0.0.1:" + port), settings, CrawlListener.NONE)
                .await().atMost(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;

        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "pages crawled        %d of %d (limit %d)%n", report.pages().size(), PAGES,
                settings.maxPages());
        System.out.printf(Locale.ROOT, "requests served      %d (robots.txt, sitemap, pages, one script)%n",
                requests.get());
        System.out.printf(Locale.ROOT, "cookies / trackers   %d / %d%n", report.cookies().size(),
                report.trackers().size());
        System.out.printf(Locale.ROOT, "problems             %d%n", report.problems().size());
        System.out.printf(Locale.ROOT, "wall time            %.2f s (target <= 20 s)%n", seconds);
        System.out.printf(Locale.ROOT, "pages per second     %.0f%n", report.pages().size() / seconds);
        System.out.printf(Locale.ROOT, "peak in flight       %d at the server, %d in the crawler (per-host limit %d)%n",
                peakInFlight.get(), hostLimits.peak(), settings.perHostConcurrency());
        System.out.printf(Locale.ROOT, "max heap             %d MB; peak heap used %d MB%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap / (1024 * 1024));
        boolean ok = report.pages().size() == PAGES && seconds <= 20
                && peakInFlight.get() <= settings.perHostConcurrency();
        System.out.println(ok ? "RESULT               PASS" : "RESULT               FAIL");

        crawler.close();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.closeAndAwait();
        worker.shutdownNow();
        System.exit(ok ? 0 : 1);
    }

    /** Home links to 50 pages, page i to pages 20i+1..20i+20: every page within three hops, all in the sitemap. */
    private static void respond(String path, HttpServerResponse response, int port) {
        switch (path) {
            case "/robots.txt" -> response.putHeader("Content-Type", "text/plain")
                    .end("User-agent: *\nDisallow: /private/\nSitemap: http://127.0.0.1:" + port + "/sitemap.xml\n");
            case "/sitemap.xml" -> {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset>");
                for (int i = 0; i < PAGES - 1; i++) {
                    xml.append("<url><loc>http://127.0.0.1:").append(port).append("/p/").append(i).append("</loc></url>");
                }
                response.putHeader("Content-Type", "application/xml").end(xml.append("</urlset>").toString());
            }
            case "/static/app.js" -> response.putHeader("Content-Type", "application/javascript")
                    .putHeader("Set-Cookie", "app_state=1; Path=/; Max-Age=3600").end("console.log('app');");
            default -> {
                if (path.equals("/")) {
                    page(response, -1, 0, 50);
                } else if (path.startsWith("/p/")) {
                    int i;
                    try {
                        i = Integer.parseInt(path.substring(3));
                    } catch (NumberFormatException e) {
                        i = PAGES;
                    }
                    if (i >= 0 && i < PAGES - 1) {
                        page(response, i, i * 20 + 1, 20);
                        return;
                    }
                    response.setStatusCode(404).end();
                } else {
                    response.setStatusCode(404).end();
                }
            }
        }
    }

    private static void page(HttpServerResponse response, int index, int firstLink, int links) {
        StringBuilder html = new StringBuilder(12_000).append("<!doctype html><html><head><title>Page ").append(index)
                .append("</title><script src=\"/static/app.js\"></script><script>gtag('config', 'G-BENCH1');</script>")
                .append("</head><body><nav><a href=\"/\">Home</a> <a href=\"/private/x\">Private</a></nav>");
        for (int k = 0; k < links; k++) {
            int target = firstLink + k;
            if (target < PAGES - 1) {
                html.append("<a href=\"/p/").append(target).append("\">Page ").append(target).append("</a> ");
            }
        }
        html.append(FILLER).append("</body></html>");
        if (index % 10 == 0) {
            response.putHeader("Set-Cookie", "visit_" + (index / 100) + "=1; Path=/; Max-Age=86400");
        }
        response.putHeader("Content-Type", "text/html; charset=utf-8").end(html.toString());
    }
}
