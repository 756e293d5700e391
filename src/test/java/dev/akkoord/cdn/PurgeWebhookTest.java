package dev.akkoord.cdn;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.CapturedLog;
import dev.akkoord.testsupport.Waits;

/** The purge webhook, against a real HTTP server on loopback ({@link PurgeReceiver}). */
@QuarkusTest
class PurgeWebhookTest {

    private final PurgeReceiver receiver = PurgeReceiver.shared();

    @Test
    void aChangedBannerIsAnnouncedOnceSignedWithItsVersionAndPaths() {
        JsonPath site = createSite("Shop", "www.example.test");
        String id = site.getString("id");
        // Not on the banner: no new version, nothing to purge.
        withKey(site.getString("apiKey")).body(Map.of("name", "Shop renamed")).put("/api/v1/sites/" + id)
                .then().statusCode(200);
        String version = changeBanner(site, "Cookies, briefly");

        Waits.until("the purge notice", Duration.ofSeconds(10), () -> !noticesFor(id).isEmpty());
        List<String> notices = noticesFor(id);
        assertEquals(1, notices.size(), "one notice, for the change of banner only: " + notices);
        String signature = notices.get(0).substring(0, notices.get(0).indexOf(' '));
        String body = notices.get(0).substring(signature.length() + 1);
        assertEquals(PurgeNotice.signature(PurgeReceiver.SECRET, body), signature);
        JsonPath notice = new JsonPath(body);
        assertEquals("banner-changed", notice.getString("event"));
        assertEquals(id, notice.getString("siteId"));
        assertEquals(version, notice.getString("version"));
        assertEquals(List.of("/akkoord/site/" + id + ".js", "/api/v1/sites/" + id + "/banner"),
                notice.getList("paths"));
    }

    @Test
    void aFailingWebhookIsRetriedThenOneWarnLineAndTheChangeStands() throws Exception {
        JsonPath site = createSite("Shop", "www.example.test");
        String id = site.getString("id");
        receiver.failing(true);
        try (CapturedLog log = CapturedLog.start()) {
            String version = changeBanner(site, "Cookies, while the CDN is away");

            Waits.until("the WARN line", Duration.ofSeconds(15), () -> !warningsFor(log, id).isEmpty());
            assertEquals(4, noticesFor(id).size(), "akkoord.cdn.purge-attempts, all of them: " + noticesFor(id));
            assertEquals(1, warningsFor(log, id).size(), log.describe());
            assertEquals(version, withKey(site.getString("apiKey")).get("/api/v1/sites/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("bannerVersion"));
        } finally {
            receiver.failing(false);
        }
    }

    /** Changes the banner's English title; returns the new banner version. */
    private static String changeBanner(JsonPath site, String title) {
        String version = withKey(site.getString("apiKey"))
                .body(Map.of("texts", Map.of("en", Map.of("title", title))))
                .put("/api/v1/sites/" + site.getString("id"))
                .then().statusCode(200).extract().jsonPath().getString("bannerVersion");
        assertEquals(false, version.equals(site.getString("bannerVersion")), "a new banner version");
        return version;
    }

    private List<String> noticesFor(String siteId) {
        return receiver.received().stream().filter(notice -> notice.contains("\"siteId\":\"" + siteId + "\"")).toList();
    }

    private static List<java.util.logging.LogRecord> warningsFor(CapturedLog log, String siteId) {
        return log.warnings().stream().filter(record -> CapturedLog.message(record).contains(siteId)).toList();
    }
}
