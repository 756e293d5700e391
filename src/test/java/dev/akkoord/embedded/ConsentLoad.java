package dev.akkoord.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Visitors deciding, as fast as a few threads can post: every 201's consent id and when the last one came. */
final class ConsentLoad implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Queue<String> acceptedConsentIds = new ConcurrentLinkedQueue<>();
    final AtomicInteger refused = new AtomicInteger();
    /** Status of every answer that was not a 201, with how often; 0 for no answer at all. */
    final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    final AtomicReference<Instant> lastAccepted = new AtomicReference<>(Instant.EPOCH);
    /** Refusals that were not a problem+json body with a Retry-After header: how a client could not tell to retry. */
    final Queue<String> bareRefusals = new ConcurrentLinkedQueue<>();
    private final List<Thread> visitors = new ArrayList<>();
    private volatile boolean stopping;

    static ConsentLoad start(String url, String siteId, String bannerVersion, String origin, int threads) {
        ConsentLoad load = new ConsentLoad();
        String body = "{\"siteId\":\"" + siteId + "\",\"bannerVersion\":\"" + bannerVersion + "\",\"action\":\"custom\","
                + "\"categories\":{\"analytical\":true,\"marketing\":false},\"language\":\"nl\","
                + "\"pageUrl\":\"" + origin + "/products/42\",\"gpc\":false}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int i = 0; i < threads; i++) {
            Thread visitor = new Thread(() -> load.post(request), "consent-load-" + i);
            load.visitors.add(visitor);
            visitor.start();
        }
        return load;
    }

    /** Fails unless every consent answered 201 is among the stored ones ({@code stored} tells for one id). */
    void assertAllStored(Predicate<String> stored) {
        List<String> lost = acceptedConsentIds.stream().filter(stored.negate()).toList();
        if (!lost.isEmpty()) {
            throw new AssertionError(lost.size() + " of " + acceptedConsentIds.size()
                    + " consents answered 201 are not stored, e.g. " + lost.stream().limit(3).toList());
        }
    }

    private void post(HttpRequest request) {
        while (!stopping) {
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    acceptedConsentIds.add(Http.field(answer.body(), "consentId"));
                    lastAccepted.set(Instant.now());
                } else {
                    refused.incrementAndGet();
                    refusals.merge(answer.statusCode(), 1, Integer::sum);
                    if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || answer.headers().firstValue("Retry-After").isEmpty()) {
                        bareRefusals.add(answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
                    }
                    Thread.sleep(20);
                }
            } catch (IOException e) {
                refused.incrementAndGet();
                refusals.merge(0, 1, Integer::sum);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread visitor : visitors) {
            visitor.join(Duration.ofSeconds(20).toMillis());
        }
    }
}
