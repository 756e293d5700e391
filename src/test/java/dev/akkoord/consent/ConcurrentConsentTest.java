package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.verifyChain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import dev.akkoord.testsupport.TunedSettingsProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Many visitors at once: every one gets a receipt, and each site's chain stays one gapless line. */
@QuarkusTest
@ExternalServersToo
@TestProfile(TunedSettingsProfile.class)
class ConcurrentConsentTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final ExecutorService VISITORS = Executors.newFixedThreadPool(32);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/api/v1/consents")
    URL consents;

    @Inject
    TestDatabase db;

    @AfterAll
    static void stopVisitors() {
        VISITORS.shutdownNow();
    }

    @Test
    void shouldRecordEveryParallelPostInOneGaplessChain() throws Exception {
        JsonPath site = createSite("Busy", "www.example.test");
        List<JsonPath> receipts = postAll(List.of(site), 200);

        assertEquals(200, distinct(receipts, "recordId"));
        assertEquals(200, distinct(receipts, "receipt"));
        assertGapless(site, 200);
    }

    @Test
    void shouldKeepInterleavedSitesApart() throws Exception {
        JsonPath first = createSite("Busy one", "www.example.test");
        JsonPath second = createSite("Busy two", "www.example.test");
        List<JsonPath> receipts = postAll(List.of(first, second), 200);

        assertEquals(200, distinct(receipts, "recordId"));
        assertGapless(first, 100);
        assertGapless(second, 100);
    }

    /** Posts {@code total} decisions, alternating between the sites, from 32 threads at once. */
    private List<JsonPath> postAll(List<JsonPath> sites, int total) throws Exception {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            HttpRequest request = HttpRequest.newBuilder(consents.toURI()).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Origin", ORIGIN)
                    .POST(HttpRequest.BodyPublishers.ofString(body(sites.get(i % sites.size()), i))).build();
            answers.add(VISITORS.submit(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString())));
        }
        List<JsonPath> receipts = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(201, response.statusCode(), response.body());
            receipts.add(JsonPath.from(response.body()));
        }
        return receipts;
    }

    private void assertGapless(JsonPath site, long count) {
        UUID siteId = UUID.fromString(site.getString("id"));
        List<Long> expected = LongStream.rangeClosed(1, count).boxed().toList();
        assertEquals(expected, db.queryLongs("SELECT seq FROM consent_records WHERE site_id = $1 ORDER BY seq",
                siteId));
        assertEquals(count, db.queryLong("SELECT seq FROM consent_chain_heads WHERE site_id = $1", siteId));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(1, report.getLong("firstSeq"));
        assertEquals(count, report.getLong("lastSeq"));
        assertEquals(count, report.getLong("checked"));
    }

    private static long distinct(List<JsonPath> receipts, String field) {
        Set<String> values = new HashSet<>();
        receipts.forEach(receipt -> values.add(receipt.getString(field)));
        return values.size();
    }

    private static String body(JsonPath site, int i) {
        String action = i % 2 == 0 ? "accept_all" : "reject_all";
        boolean granted = i % 2 == 0;
        return "{\"siteId\":\"" + site.getString("id") + "\",\"bannerVersion\":\"" + site.getString("bannerVersion")
                + "\",\"action\":\"" + action + "\",\"categories\":{\"analytical\":" + granted + ",\"marketing\":"
                + granted + "},\"language\":\"nl\",\"pageUrl\":\"https://www.example.test/p/" + i + "\"}";
    }
}
