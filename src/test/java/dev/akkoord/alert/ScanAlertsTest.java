package dev.akkoord.alert;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.akkoord.dashboard.DashboardClient;
import dev.akkoord.scan.ScanWorker;
import dev.akkoord.scan.crawl.FixtureServer;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.Waits;
import dev.akkoord.web.WebhookSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;

/**
 * A site's owner chooses alerts, scans find violations, a new cookie and then an unreachable site (twice: told
 * once), and each time the owner gets a mail through a real SMTP server ({@link SmtpReceiver}) and the webhook a signed POST on a real HTTP
 * listener; what was sent is on the Alerts page.
 */
@QuarkusTest
@ExternalServersToo
class ScanAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Vertx vertx;
    private static FixtureServer site;
    private static FixtureServer hooks;
    private static final List<JsonObject> posts = new CopyOnWriteArrayList<>();
    private static volatile int hookStatus = 204;

    @Inject
    ScanWorker worker;

    @BeforeAll
    static void serve() throws Exception {
        vertx = Vertx.vertx();
        site = new FixtureServer(vertx.getDelegate());
        site.page("/", "<html><body><a href=\"/blog\">Blog</a></body></html>", "PHPSESSID=s1; Path=/; HttpOnly");
        site.page("/blog", "<html><body>blog</body></html>", "_ga=GA1.1.1.1; Max-Age=63072000; Path=/");
        hooks = new FixtureServer(vertx.getDelegate());
        hooks.route("/hook", request -> request.body().onSuccess(body -> {
            posts.add(new JsonObject().put("signature", request.getHeader(WebhookSignature.HEADER))
                    .put("event", request.getHeader("X-Akkoord-Event")).put("body", body.toString()));
            request.response().setStatusCode(hookStatus).end();
        }));
    }

    @AfterAll
    static void stop() throws Exception {
        hooks.close();
        vertx.closeAndAwait();
    }

    @Test
    void shouldTellTheOwnerByMailAndSignedWebhookWhatTheyChose() throws Exception {
        String domain = "127.0.0.1:" + site.port();
        var created = createSite("Alerted shop", domain);
        String siteId = created.getString("id");
        String key = created.getString("apiKey");
        DashboardClient owner = DashboardClient.owner(UUID.fromString(siteId));
        String alertsPage = "/dashboard/sites/" + siteId + "/alerts";

        owner.post(alertsPage, Map.of("newCookies", "true", "violations", "true", "failures", "true",
                "byMail", "true", "webhookUrl", "ftp://hooks.example/x")).then().statusCode(400);
        String refused = owner.get(alertsPage).then().statusCode(200).extract().asString();
        assertTrue(refused.contains("No alert has been sent"), "nothing saved, nothing sent yet");

        String hook = "http://127.0.0.1:" + hooks.port() + "/hook";
        // Unclassified cookies are left out: the owner did not ask for them.
        owner.post(alertsPage, Map.of("newCookies", "true", "violations", "true", "failures", "true",
                "byMail", "true", "webhookUrl", hook)).then().statusCode(303);
        String secret = secretOn(owner.get(alertsPage).then().statusCode(200).extract().asString());

        // First scan: _ga is set without consent. No "new cookies" on a first scan.
        scan(siteId, key);
        SmtpReceiver.Received first = awaitMail(domain, 1);
        assertTrue(first.recipients().get(0).startsWith("owner-"), first.recipients().toString());
        assertTrue(first.text().contains("Subject: Akkoord, " + domain + ": cookies set without consent (1)"),
                first.text());
        assertTrue(first.text().contains("_ga (127.0.0.1, analytical)"), first.text());
        assertFalse(first.text().contains("New cookies"), first.text());
        JsonObject firstPost = awaitPost(1);
        assertEquals(WebhookSignature.of(secret, firstPost.getString("body")), firstPost.getString("signature"));
        assertEquals("scan-alert", firstPost.getString("event"));
        JsonObject firstBody = new JsonObject(firstPost.getString("body"));
        assertEquals(siteId, firstBody.getString("siteId"));
        assertEquals(List.of("violations"), List.copyOf(firstBody.getJsonObject("alerts").fieldNames()));

        // A new marketing cookie appears; the webhook is down for a while (answers 503) and is tried again.
        site.page("/blog", "<html><body>blog</body></html>", "_ga=GA1.1.1.1; Max-Age=63072000; Path=/",
                "_fbp=fb.1.1.1; Max-Age=7776000; Path=/");
        hookStatus = 503;
        scan(siteId, key);
        SmtpReceiver.Received second = awaitMail(domain, 2);
        assertTrue(second.text().contains("new cookies (1)"), second.text());
        assertTrue(second.text().contains("_fbp (127.0.0.1, marketing)"), second.text());
        // _ga still breaks the rules, but the first mail said so: only what is new is said again.
        assertFalse(second.text().contains("_ga (127.0.0.1, analytical)"), second.text());
        Waits.until("four webhook attempts", WAIT, () -> posts.size() >= 5);
        hookStatus = 204;

        // The site goes away: the scan fails, and the owner hears why.
        site.close();
        scan(siteId, key);
        SmtpReceiver.Received third = awaitMail(domain, 3);
        assertTrue(third.text().contains("Subject: Akkoord, " + domain + ": scan failed"), third.text());
        assertTrue(third.text().contains("could not be reached"), third.text());
        JsonObject failedPost = awaitPost(6);
        assertEquals(List.of("failure"), List.copyOf(new JsonObject(failedPost.getString("body"))
                .getJsonObject("alerts").fieldNames()));

        // It stays away for the next daily scan: the owners already know, so nothing more is sent.
        scan(siteId, key);
        Thread.sleep(3_000); // the third alert went out within this time of its scan
        assertEquals(3, mailsAbout(domain).size(), "a failure is told once, not after every scan");
        assertEquals(6, posts.size(), "a failure is told once, not after every scan");

        String log = owner.get(alertsPage).then().statusCode(200).extract().asString();
        assertEquals(5, count(log, "<span class=\"badge ok\">sent</span>"), "three mails and two webhook POSTs: "
                + log);
        assertEquals(1, count(log, "<span class=\"badge bad\">failed</span>"), "the webhook that answered 503: " + log);
        assertTrue(log.contains("after 4 attempts") && log.contains("answered 503"), log);
    }

    private void scan(String siteId, String key) throws InterruptedException {
        String scanId = withKey(key).post("/api/v1/sites/" + siteId + "/scans").then().statusCode(202).extract()
                .path("id");
        long deadline = System.nanoTime() + WAIT.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            worker.poll().await().atMost(Duration.ofSeconds(10));
            String status = withKey(key).get("/api/v1/sites/" + siteId + "/scans/" + scanId).then().statusCode(200)
                    .extract().path("status");
            if (List.of("done", "partial", "failed").contains(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("scan " + scanId + " did not finish");
    }

    private static SmtpReceiver.Received awaitMail(String domain, int nth) {
        Waits.until(nth + " alert mails about " + domain, WAIT, () -> mailsAbout(domain).size() >= nth);
        assertEquals(nth, mailsAbout(domain).size(), "one mail per scan");
        return mailsAbout(domain).get(nth - 1);
    }

    private static List<SmtpReceiver.Received> mailsAbout(String domain) {
        return SmtpReceiver.received().stream().filter(mail -> mail.text().contains("Subject: Akkoord, " + domain))
                .toList();
    }

    private static JsonObject awaitPost(int nth) {
        Waits.until(nth + " webhook POSTs", WAIT, () -> posts.size() >= nth);
        return posts.get(nth - 1);
    }

    private static String secretOn(String page) {
        Matcher matcher = Pattern.compile("<code class=\"secret\">([0-9a-f]{64})</code>").matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
