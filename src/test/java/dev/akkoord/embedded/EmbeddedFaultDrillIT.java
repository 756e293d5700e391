package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.akkoord.testsupport.RedisWire;
import dev.akkoord.testsupport.Waits;

/**
 * The fault drills of issue 12 on the packaged platform's embedded default: kill -9 of the embedded postmaster under
 * consent load, and of the embedded Redis. The service is never restarted; its supervisor restarts the server and
 * its connection pools reconnect.
 */
class EmbeddedFaultDrillIT {

    private static final String ORIGIN = "https://www.example.test";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void shouldAcceptConsentsAgainWithin15SecondsOfAKilledPostmasterAndLoseNone() throws Exception {
        try (PlatformProcess platform = PlatformProcess.start(dataDir.resolve("platform.log"), environment())) {
            String token = Files.readString(dataDir.resolve("admin-token")).trim();
            HttpResponse<String> site = Http.send("POST", platform.url("/api/v1/sites"), token,
                    "{\"name\":\"Drill\",\"domains\":[\"www.example.test\"]}");
            assertEquals(201, site.statusCode(), site.body());
            String siteId = Http.field(site.body(), "id");
            String siteKey = Http.field(site.body(), "apiKey");

            ConsentLoad load = ConsentLoad.start(platform.url("/api/v1/consents"), siteId,
                    Http.field(site.body(), "bannerVersion"), ORIGIN, 4);
            ReadinessWatch readiness = ReadinessWatch.start(platform.managementUrl("/q/health/ready"));
            Instant killed;
            try (load; readiness) {
                awaitTrue(Duration.ofSeconds(30), () -> load.acceptedConsentIds.size() >= 50, "consents before");
                ServerSupervisorTest.killMinusNine(pidIn(dataDir.resolve("postgres/postmaster.pid")));
                killed = Instant.now();
                awaitTrue(Duration.ofSeconds(15), () -> load.lastAccepted.get().isAfter(killed.plusMillis(100)),
                        "consents accepted again within 15 s of kill -9 of the postmaster");
                int atRecovery = load.acceptedConsentIds.size();
                System.out.printf("Postmaster drill: consents accepted again %d ms after kill -9 (refused meanwhile, "
                        + "by status: %s)%n", Duration.between(killed, load.lastAccepted.get()).toMillis(), load.refusals);
                awaitTrue(Duration.ofSeconds(10), () -> load.acceptedConsentIds.size() >= atRecovery + 50,
                        "consents keep flowing");
                assertTrue(readiness.sawDown.get(), "readiness was DOWN while PostgreSQL was");
                assertEquals(Set.of(503), load.refusals.keySet(), "refused meanwhile, by status: " + load.refusals);
            }
            awaitTrue(Duration.ofSeconds(10), () -> ready(platform), "readiness UP again");

            String csv = Http.send("GET", platform.url("/api/v1/sites/" + siteId + "/consents"), siteKey, null,
                    "text/csv").body();
            load.assertAllStored(csv::contains);
            assertChainIntact(platform, siteId, siteKey);
            System.out.printf("Postmaster drill: all %d consents answered 201 are stored%n",
                    load.acceptedConsentIds.size());
            assertLogged(dataDir.resolve("platform.log"), "Embedded PostgreSQL");
        }
    }

    @Test
    void shouldServeTheBannerAgainAfterAKilledRedisWithReadinessDownMeanwhile() throws Exception {
        try (PlatformProcess platform = PlatformProcess.start(dataDir.resolve("platform.log"), environment())) {
            String token = Files.readString(dataDir.resolve("admin-token")).trim();
            HttpResponse<String> site = Http.send("POST", platform.url("/api/v1/sites"), token,
                    "{\"name\":\"Drill\",\"domains\":[\"www.example.test\"]}");
            String banner = platform.url("/api/v1/sites/" + Http.field(site.body(), "id") + "/banner?lang=en");
            assertEquals(200, Http.send("GET", banner, null, null).statusCode());

            try (ReadinessWatch readiness = ReadinessWatch.start(platform.managementUrl("/q/health/ready"))) {
                ServerSupervisorTest.killMinusNine(pidIn(dataDir.resolve("redis/redis.pid")));
                awaitTrue(Duration.ofSeconds(5), readiness.sawDown::get, "readiness DOWN after kill -9 of Redis");
                awaitTrue(Duration.ofSeconds(15), () -> ready(platform), "readiness UP again");
            }
            assertEquals(200, Http.send("GET", banner, null, null).statusCode(), "the banner is still served");
            assertEquals("+OK", RedisWire.send(portOf(dataDir.resolve("redis/redis.conf")), "AUTH",
                    Files.readString(dataDir.resolve("redis-password")).trim()), "the restarted Redis asks the password");
            assertLogged(dataDir.resolve("platform.log"), "Embedded Redis");
        }
    }

    private Map<String, String> environment() {
        return Map.of("AKKOORD_DATA_DIR", dataDir.toString(),
                "AKKOORD_CONSENT_RATE_LIMIT_PER_MINUTE", "100000000");
    }

    /**
     * One WARN for the death, one INFO for the return. The supervisor logs the return once its restart call is
     * over, which can be a moment after the server already answers: the lines are awaited, then counted.
     */
    private static void assertLogged(Path log, String server) throws Exception {
        Predicate<String> death = line -> line.contains("WARN") && line.contains(server + " is not running");
        Predicate<String> back = line -> line.contains("INFO") && line.contains(server + " is back");
        awaitTrue(Duration.ofSeconds(10), () -> Files.readAllLines(log).stream().anyMatch(back),
                server + " return logged");
        List<String> lines = Files.readAllLines(log);
        assertEquals(1, lines.stream().filter(death).count(), server + " death WARN lines");
        assertEquals(1, lines.stream().filter(back).count(), server + " return INFO lines");
    }

    private static long pidIn(Path pidFile) throws Exception {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    private static int portOf(Path redisConf) throws Exception {
        return Files.readAllLines(redisConf).stream().filter(line -> line.startsWith("port "))
                .map(line -> Integer.parseInt(line.substring(5).trim())).findFirst().orElseThrow();
    }

    static boolean ready(PlatformProcess platform) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(platform.managementUrl("/q/health/ready")))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static void assertChainIntact(PlatformProcess platform, String siteId, String siteKey) throws Exception {
        String verify = Http.send("GET", platform.url("/api/v1/sites/" + siteId + "/consents/verify"), siteKey,
                null).body();
        assertTrue(verify.contains("\"intact\":true"), verify);
    }

    static void awaitTrue(Duration timeout, Waits.Condition condition, String what) {
        Waits.until(what, timeout, condition);
    }

    /** Polls readiness from a thread of its own and remembers whether it ever answered DOWN. */
    static final class ReadinessWatch implements AutoCloseable {

        final AtomicBoolean sawDown = new AtomicBoolean();
        private final Thread poller;
        private volatile boolean stopping;

        private ReadinessWatch(String url) {
            poller = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
                while (!stopping) {
                    try {
                        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 503) {
                            sawDown.set(true);
                        }
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // the service itself stays up; a failed poll is not a DOWN
                    }
                }
            }, "readiness-watch");
            poller.start();
        }

        static ReadinessWatch start(String url) {
            return new ReadinessWatch(url);
        }

        @Override
        public void close() throws InterruptedException {
            stopping = true;
            poller.join(10_000);
        }
    }
}
