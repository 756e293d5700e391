package dev.akkoord.scan.browser;

import dev.akkoord.scan.crawl.AddressGuard;
import dev.akkoord.scan.crawl.CrawlGate;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.CrawlSettings;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.SiteScope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Scans sites in headless Chromium, after the static crawl has found their pages. Browsers are kept between scans
 * (one per scan running at once) and restarted when they crash. Without a browser, {@link #available()} says why,
 * and the scan keeps what the static crawl found.
 */
public final class BrowserScanner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrowserScanner.class);
    private static final Duration IDLE_CLOSE = Duration.ofMinutes(5);

    /** A browser with its own gate: what the gate refused is told to the scan that uses it. */
    static final class Instance implements AutoCloseable {
        final Chromium chromium;
        final BrowserGate gate;
        /** Guarded by itself: the gate adds from its event loop, the scan reads. */
        final List<FetchProblem> refused;
        volatile long idleSince;

        Instance(Chromium chromium, BrowserGate gate, List<FetchProblem> refused) {
            this.chromium = chromium;
            this.gate = gate;
            this.refused = refused;
        }

        List<FetchProblem> takeRefusals() {
            synchronized (refused) {
                List<FetchProblem> taken = List.copyOf(refused);
                refused.clear();
                return taken;
            }
        }

        @Override
        public void close() {
            chromium.close();
            gate.close();
        }
    }

    private final Vertx vertx;
    private final AddressGuard guard;
    private final BrowserSettings settings;
    private final Optional<Path> binary;
    private final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();
    private final List<Instance> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService threads;
    private final ScheduledExecutorService reaper;
    private volatile boolean closed;

    /**
     * The gates run on a Vert.x of their own: the application's carries HTTP server metrics, which would take each
     * gate for a second server with other tags and refuse to start it.
     */
    public BrowserScanner(AddressGuard guard, BrowserSettings settings) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
        this.guard = guard;
        this.settings = settings;
        this.binary = settings.resolveBinary();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "akkoord-browser-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newCachedThreadPool(factory);
        this.reaper = Executors.newSingleThreadScheduledExecutor(factory);
        reaper.scheduleWithFixedDelay(this::closeIdle, 30, 30, TimeUnit.SECONDS);
    }

    /** A browser unused for a while gives its memory back; the next scan starts another in a second. */
    private void closeIdle() {
        long before = System.currentTimeMillis() - IDLE_CLOSE.toMillis();
        for (Instance instance : List.copyOf(idle)) {
            if (instance.idleSince < before && idle.remove(instance)) {
                LOG.debugf("Closing the scanning browser (pid %d), idle since %d", instance.chromium.pid(),
                        instance.idleSince);
                discard(instance);
            }
        }
    }

    /** Whether scans run in a browser. */
    public boolean available() {
        return binary.isPresent();
    }

    public BrowserSettings settings() {
        return settings;
    }

    /** Why scans do not run in a browser, for the scan result and the dashboard; null when they do. */
    public String unavailableReason() {
        if (binary.isPresent()) {
            return null;
        }
        if (settings.mode().equals("off")) {
            return "Browser scans are off (akkoord.scan.browser=off): cookies set by JavaScript were not looked for. "
                    + "Set AKKOORD_SCAN_BROWSER=auto to scan in headless Chromium.";
        }
        return "No Chromium was found" + settings.binary().map(p -> " at " + p).orElse("")
                + ": cookies set by JavaScript were not looked for. Install Chromium (Debian: apt-get install "
                + "chromium) or point AKKOORD_SCAN_BROWSER_PATH at it to scan as a real browser does.";
    }

    /**
     * Visits the pages the static crawl found (and those the rendered pages link to) with the consent journeys.
     * Never fails for the site's sake: what went wrong is in the report.
     */
    public Uni<BrowserReport> scan(CrawlReport crawl, SiteScope scope, CrawlSettings limits, long deadlineMillis,
            CrawlListener listener) {
        return scan(crawl, scope, limits, deadlineMillis, listener, CrawlGate.OPEN);
    }

    /**
     * Visits as above, asking the gate before every visit. Fails only when the gate does, with its failure, once the
     * visits already open have ended; nothing more is visited.
     */
    public Uni<BrowserReport> scan(CrawlReport crawl, SiteScope scope, CrawlSettings limits, long deadlineMillis,
            CrawlListener listener, CrawlGate gate) {
        return Uni.createFrom().item(() -> new BrowserScan(this, crawl, scope, limits, deadlineMillis, listener, gate)
                        .run())
                .runSubscriptionOn(threads);
    }

    /** The pids of the browsers this scanner runs, busy or idle (for tests). */
    List<Long> browserPids() {
        return all.stream().map(instance -> instance.chromium.pid()).toList();
    }

    ExecutorService threads() {
        return threads;
    }

    PageVisitor visitor() {
        return new PageVisitor(settings.visit());
    }

    /** An idle browser, or a new one. */
    Instance borrow() throws IOException {
        Instance instance;
        while ((instance = idle.pollFirst()) != null) {
            if (instance.chromium.isAlive()) {
                instance.takeRefusals();
                return instance;
            }
            discard(instance);
        }
        return launch();
    }

    void giveBack(Instance instance) {
        if (closed || !instance.chromium.isAlive()) {
            discard(instance);
        } else {
            instance.idleSince = System.currentTimeMillis();
            idle.addFirst(instance);
        }
    }

    /** Ends a crashed browser and starts another in its place. */
    Instance replace(Instance crashed) throws IOException {
        discard(crashed);
        return launch();
    }

    private Instance launch() throws IOException {
        if (closed) {
            throw new IOException("the scanner is shutting down");
        }
        List<FetchProblem> refused = new ArrayList<>();
        BrowserGate gate;
        try {
            gate = new BrowserGate(vertx, guard, (int) settings.visit().pageTimeout().toMillis(), (host, reason) -> {
                synchronized (refused) {
                    refused.add(new FetchProblem(FetchProblem.Kind.REFUSED_ADDRESS, null, "browser: " + reason));
                }
            });
        } catch (Exception e) {
            throw new IOException("the browser's gate did not start: " + e.getMessage(), e);
        }
        Chromium chromium;
        try {
            chromium = Chromium.launch(binary.orElseThrow(), gate.port(), 20_000);
        } catch (IOException e) {
            gate.close();
            throw e;
        }
        LOG.infof("Started %s (pid %d) for scans", chromium.version(), chromium.pid());
        Instance instance = new Instance(chromium, gate, refused);
        all.add(instance);
        return instance;
    }

    private void discard(Instance instance) {
        all.remove(instance);
        try {
            instance.close();
        } catch (RuntimeException e) {
            LOG.debugf("closing a browser: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Instance instance : all) {
            discard(instance);
        }
        idle.clear();
        threads.shutdownNow();
        reaper.shutdownNow();
        vertx.close();
    }
}
