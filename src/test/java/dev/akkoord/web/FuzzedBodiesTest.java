package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.createSite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Ten thousand broken bodies, made by mutating valid ones with a fixed seed, sent to the endpoints that read JSON:
 * every answer must be a 2xx or a 4xx, never a 5xx. (What each 4xx says is checked by the endpoints' own tests.)
 */
@QuarkusTest
class FuzzedBodiesTest {

    private static final int BODIES = 10_000;
    private static final String ORIGIN = "https://www.example.test";
    private static final String[] SNIPPETS = {"{", "}", "[", "]", "\"", ",", ":", "\\", "null", "true", "-0",
        "1e400", "-99999999999999999999999", "\"\\u0000\"", "\"\\ud800\"", "[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{",
        "\"action\":\"accept_all\"", "\"siteId\":\"" + "0".repeat(36) + "\"", "\u00e9", "\t", "NaN", "0x10", "''"};

    private record Target(String method, String path, String contentType, String apiKey, String valid) {
    }

    @Test
    void noBrokenBodyGetsAServerError() throws Exception {
        JsonPath site = createSite("Fuzz", "www.example.test");
        String id = site.getString("id");
        String key = site.getString("apiKey");
        String consent = "{\"siteId\":\"" + id + "\",\"bannerVersion\":\"" + site.getString("bannerVersion")
                + "\",\"action\":\"custom\",\"categories\":{\"analytical\":true,\"marketing\":false},"
                + "\"language\":\"nl\",\"pageUrl\":\"https://www.example.test/\",\"gpc\":false}";
        List<Target> targets = List.of(
                new Target("POST", "/api/v1/consents", "application/json", null, consent),
                new Target("POST", "/api/v1/consents", "text/plain", null, consent),
                new Target("PUT", "/api/v1/sites/" + id, "application/json", key,
                        "{\"name\":\"Fuzz\",\"texts\":{\"en\":{\"title\":\"Cookies\"}},\"domains\":[\"www.example.test\"]}"),
                new Target("POST", "/api/v1/classify", "application/json", key,
                        "{\"cookies\":[{\"name\":\"_ga\",\"domain\":\".example.test\",\"lifetimeSeconds\":63072000}]}"),
                new Target("PUT", "/api/v1/sites/" + id + "/cookies/_ga", "application/json", key,
                        "{\"category\":\"analytical\",\"purpose\":\"Counts visits\",\"vendor\":\"Google\"}"));
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(20261205);
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            Target target = targets.get(i % targets.size());
            String body = mutate(target.valid(), random);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + target.path())).header("Content-Type", target.contentType()).header("Origin", ORIGIN)
                    .method(target.method(), HttpRequest.BodyPublishers.ofString(body));
            if (target.apiKey() != null) {
                request.header("Authorization", "Bearer " + target.apiKey());
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500 && serverErrors.size() < 10) {
                serverErrors.add(answer.statusCode() + " " + target.method() + " " + target.path() + " " + body
                        + " -> " + answer.body());
            }
        }
        assertEquals(List.of(), serverErrors, "server errors among " + BODIES + " fuzzed bodies");
    }

    /** One to three edits: cut a stretch, insert a snippet, repeat a stretch (duplicate keys), or truncate. */
    private static String mutate(String valid, Random random) {
        StringBuilder body = new StringBuilder(valid);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && body.length() > 0; e++) {
            int at = random.nextInt(body.length());
            int length = Math.min(body.length() - at, 1 + random.nextInt(12));
            switch (random.nextInt(4)) {
                case 0 -> body.delete(at, at + length);
                case 1 -> body.insert(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                case 2 -> body.insert(at, body.substring(at, at + length));
                default -> body.setLength(at);
            }
        }
        return body.toString();
    }
}
