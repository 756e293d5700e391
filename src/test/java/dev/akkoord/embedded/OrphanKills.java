package dev.akkoord.embedded;

import dev.akkoord.scan.browser.BrowserProcesses;
import dev.akkoord.scan.browser.FixtureShop;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service killed with {@code kill -9} in the middle of a browser scan, again and again: after each kill,
 * no Chromium process of it may live on. The service runs with its own temporary directory, so its browsers (whose
 * profiles are made there) are told apart from any other on the machine by their command line; the browsers running
 * just before the kill are also recorded by pid. Used by {@link NoOrphanBrowserIT} (3 kills) and, as a benchmark, by
 * {@code bench/scan/orphans.sh} (20 kills).
 */
final class OrphanKills implements AutoCloseable {

    /** How long the browsers are given to notice that the service is gone. */
    static final long GRACE_MILLIS = 5_000;

    /** One kill: the browser processes that ran just before it, and those still running after the grace time. */
    record Kill(int number, long servicePid, List<Long> browsersBefore, int renderersBefore, List<Long> leftAfter,
            long goneAfterMillis) {

        boolean leftABrowser() {
            return !leftAfter.isEmpty();
        }
    }

    private final Path work;
    private final Path tmp;
    private final Vertx vertx = Vertx.vertx();
    private final FixtureShop shop;
    private final String token = "orphans-" + UUID.randomUUID();

    OrphanKills(Path work, int pages, long pageDelayMillis) throws Exception {
        this.work = work;
        this.tmp = Files.createDirectories(work.resolve("tmp"));
        this.shop = FixtureShop.generated(vertx, "", pages).slowedBy(pageDelayMillis);
    }

    /** The marker in the command line of every process the services of this run start with a profile. */
    String marker() {
        return tmp.toAbsolutePath() + "/akkoord-chromium-";
    }

    /** Starts a service, lets it scan the shop until its browser is loading pages, kills it and looks for orphans. */
    Kill killOnce(int number) throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data-" + number));
        Map<String, String> env = Map.of(
                "AKKOORD_DATA_DIR", dataDir.toString(),
                "AKKOORD_ADMIN_TOKEN", token,
                "AKKOORD_SCAN_ALLOW_HOSTS", "127.0.0.1",
                "AKKOORD_SCAN_ONLY_ALLOWED_HOSTS", "true",
                "AKKOORD_SCAN_POLL_EVERY", "1s",
                "AKKOORD_SCAN_BROWSER", "on",
                "AKKOORD_SCAN_CRON", "off",
                // the browsers' profiles go here, which marks their command lines as this run's
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        PlatformProcess service = PlatformProcess.start(dataDir.resolve("service.log"), env);
        try {
            HttpResponse<String> site = Http.send("POST", service.url("/api/v1/sites"), token,
                    "{\"name\":\"Orphans " + number + "\",\"domains\":[\"127.0.0.1:" + shop.port() + "\"]}");
            check(site.statusCode() == 201, "site not created: " + site.statusCode() + " " + site.body());
            String siteId = Http.field(site.body(), "id");
            HttpResponse<String> scan = Http.send("POST", service.url("/api/v1/sites/" + siteId + "/scans"), token,
                    null);
            check(scan.statusCode() == 202, "scan not started: " + scan.statusCode() + " " + scan.body());

            ProcessHandle process = ProcessHandle.of(service.pid()).orElseThrow();
            awaitPagesInTheBrowser(process, dataDir.resolve("service.log"));
            // somewhere in the scan: while pages load, between them, as a context opens or closes
            Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1_500));
            List<Long> before = BrowserProcesses.chromiumBelow(process).stream().map(ProcessHandle::pid).toList();
            check(!before.isEmpty(), "the browser stopped before the kill");
            int renderers = BrowserProcesses.browsersOf(process).stream()
                    .mapToInt(browser -> BrowserProcesses.helpers(browser, "renderer").size()).sum();

            long killedAt = System.nanoTime();
            service.kill();
            List<Long> left = stillRunning(before);
            while (!left.isEmpty() && System.nanoTime() - killedAt < TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS)) {
                Thread.sleep(50);
                left = stillRunning(before);
            }
            long goneAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            Kill kill = new Kill(number, service.pid(), before, renderers, left, left.isEmpty() ? goneAfter : -1);
            if (!kill.leftABrowser()) {
                delete(dataDir); // kept (with the service's log) when something went wrong
            }
            return kill;
        } finally {
            service.kill();
            cleanUp(dataDir);
        }
    }

    /**
     * Waits until the service's browser loads pages: it has no window of its own, so a renderer runs only for a
     * journey's page.
     */
    private static void awaitPagesInTheBrowser(ProcessHandle service, Path log) throws Exception {
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            check(service.isAlive(), "the service exited; its log ends:\n" + tail(log));
            boolean renderer = BrowserProcesses.browsersOf(service).stream()
                    .anyMatch(browser -> !BrowserProcesses.helpers(browser, "renderer").isEmpty());
            if (renderer) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service's browser never loaded a page; its log ends:\n" + tail(log));
    }

    /** The recorded browsers and any process of this run's browsers that still runs (zombies do not). */
    private List<Long> stillRunning(List<Long> recorded) {
        Set<Long> running = new LinkedHashSet<>();
        for (long pid : recorded) {
            if (BrowserProcesses.running(pid)) {
                running.add(pid);
            }
        }
        running.addAll(BrowserProcesses.withMarker(marker()));
        return new ArrayList<>(running);
    }

    /** Ends what a killed service leaves by design (its PostgreSQL and Redis) and any browser left despite all. */
    private void cleanUp(Path dataDir) throws InterruptedException, IOException {
        for (long pid : BrowserProcesses.withMarker(marker())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Path pidFile : List.of(dataDir.resolve("postgres/postmaster.pid"), dataDir.resolve("redis/redis.pid"))) {
            Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of);
            if (server.isPresent()) {
                server.get().destroy(); // PostgreSQL: a smart shutdown, quick with no client left
                long until = System.currentTimeMillis() + 20_000;
                while (BrowserProcesses.running(server.get().pid()) && System.currentTimeMillis() < until) {
                    Thread.sleep(100);
                }
                if (BrowserProcesses.running(server.get().pid())) {
                    server.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    server.get().destroyForcibly();
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static String describe(Kill kill) {
        return String.format(Locale.ROOT, "kill %2d: service %d with %d Chromium processes (%d renderers): %s",
                kill.number(), kill.servicePid(), kill.browsersBefore().size(), kill.renderersBefore(),
                kill.leftABrowser() ? "LEFT " + kill.leftAfter() + " running after " + GRACE_MILLIS + " ms"
                        : "all gone within " + kill.goneAfterMillis() + " ms");
    }

    @Override
    public void close() throws Exception {
        shop.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Kills the service {@code kills} times, printing each; returns the kills that left a browser running. */
    static List<Kill> run(Path work, int kills) throws Exception {
        List<Kill> leaving = new ArrayList<>();
        try (OrphanKills run = new OrphanKills(work, 60, 200)) {
            for (int i = 1; i <= kills; i++) {
                Kill kill = run.killOnce(i);
                System.out.println(describe(kill));
                if (kill.leftABrowser()) {
                    leaving.add(kill);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d of %d kills left a browser%n", leaving.size(), kills);
        return leaving;
    }

    /** {@code bench/scan/orphans.sh}: kills the service N times (default 20) and counts the kills that left a browser. */
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("akkoord-orphans-");
        List<Kill> leaving = run(work, args.length > 0 ? Integer.parseInt(args[0]) : 20);
        if (leaving.isEmpty()) {
            delete(work);
        } else {
            System.out.println("the services' logs are under " + work);
        }
        System.exit(leaving.isEmpty() ? 0 : 1);
    }
}
