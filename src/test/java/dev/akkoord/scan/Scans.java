package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.withKey;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;

/** Steps shared by the scanner's API tests. */
final class Scans {

    private Scans() {
    }

    /** Starts a scan through the API and returns its id. */
    static String request(String siteId, String apiKey) {
        return withKey(apiKey).post("/api/v1/sites/" + siteId + "/scans").then().statusCode(202)
                .extract().path("id");
    }

    /** Runs the worker until the scan is finished, then returns the scan as the API shows it. */
    static JsonPath awaitFinished(ScanWorker worker, String siteId, String scanId, String apiKey) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            worker.poll().await().atMost(Duration.ofSeconds(10));
            JsonPath scan = withKey(apiKey).get("/api/v1/sites/" + siteId + "/scans/" + scanId).then()
                    .statusCode(200).extract().jsonPath();
            String status = scan.getString("status");
            if (List.of("done", "partial", "failed").contains(status)) {
                return scan;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("scan " + scanId + " did not finish within 60 s");
    }
}
