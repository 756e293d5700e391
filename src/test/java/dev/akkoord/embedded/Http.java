package dev.akkoord.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal JSON-over-HTTP calls for tests that talk to a platform in another process. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> send(String method, String url, String token, String json)
            throws IOException, InterruptedException {
        return send(method, url, token, json, "application/json");
    }

    static HttpResponse<String> send(String method, String url, String token, String json, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a top-level string field in a small JSON answer. */
    static String field(String json, String name) {
        int key = json.indexOf("\"" + name + "\":\"");
        if (key < 0) {
            throw new AssertionError("No '" + name + "' in " + json);
        }
        int start = key + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
