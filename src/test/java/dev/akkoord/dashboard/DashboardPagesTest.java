package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@ExternalServersToo
class DashboardPagesTest {

    private static final String ORIGIN = "https://www.example.test";

    private static String record(JsonPath site, String action, boolean analytical, boolean marketing) {
        return given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .body(consent(site, action, analytical, marketing)).post("/api/v1/consents").then().statusCode(201)
                .extract().path("consentId");
    }

    @Test
    void shouldRegisterASiteAndShowItsSnippetAndKeyOnce() {
        DashboardClient operator = DashboardClient.operator();
        String name = "Registered " + UUID.randomUUID();
        Response created = operator.post("/dashboard/sites", Map.of("name", name, "domains", "www.shop.test, *.shop.test",
                "languages", "nl, en"));
        created.then().statusCode(200).body(containsString("New API key"))
                .body(containsString("data-site=&quot;"));
        Matcher key = Pattern.compile("<code id=\"new-key\">(ak_[0-9a-f]{64})</code>").matcher(created.asString());
        assertTrue(key.find());
        Matcher id = Pattern.compile("/dashboard/sites/([0-9a-f-]{36})/banner").matcher(created.asString());
        assertTrue(id.find());
        given().header("Authorization", "Bearer " + key.group(1)).get("/api/v1/sites/" + id.group(1)).then()
                .statusCode(200).body("name", equalTo(name)).body("languages", equalTo(List.of("nl", "en")));
        operator.get("/dashboard/sites/" + id.group(1)).then().statusCode(200)
                .body(not(containsString(key.group(1))))
                .body(containsString("/akkoord"))
                .body(containsString("The banner has not loaded on any page yet"));
    }

    @Test
    void shouldReportTheBannerSeenOnTheSitesOwnDomain() {
        JsonPath site = createSite("Seen " + UUID.randomUUID(), "www.example.test");
        given().header("Origin", ORIGIN).get("/api/v1/sites/" + site.getString("id") + "/banner").then().statusCode(200);
        given().header("Origin", "https://elsewhere.test").get("/api/v1/sites/" + site.getString("id") + "/banner")
                .then().statusCode(200);
        DashboardClient operator = DashboardClient.operator();
        // Sightings are written to Redis after the banner's answer, so give them a moment.
        String html = "";
        for (int attempt = 0; attempt < 20 && count(html, "last seen") < 2; attempt++) {
            sleep(100);
            html = operator.get("/dashboard/sites/" + site.getString("id")).then().statusCode(200).extract().asString();
        }
        assertTrue(html.contains("<li class=\"ok\">\n    <code>https://www.example.test</code>: last seen"), html);
        assertTrue(html.contains("https://elsewhere.test</code>: last seen")
                && html.contains("(not one of this site's domains)"), html);
    }

    @Test
    void shouldSaveBannerTextsAsANewVersionThatTheBannerServes() {
        JsonPath site = createSite("Editor " + UUID.randomUUID(), "www.example.test");
        String siteId = site.getString("id");
        DashboardClient operator = DashboardClient.operator();
        String editor = operator.get("/dashboard/sites/" + siteId + "/banner").then().statusCode(200)
                .body(containsString("name=\"text.en.title\""))
                .body(containsString("src=\"/dashboard/sites/" + siteId + "/preview?lang=en\"")).extract().asString();
        Map<String, String> form = formValues(editor);
        form.put("text.en.title", "Koekjes & <b>cookies</b>");
        form.put("color.accent", "#0f766e");
        form.put("position", "top");
        form.remove("category.marketing");
        Response saved = operator.post("/dashboard/sites/" + siteId + "/banner", form);
        saved.then().statusCode(303).header("Location", containsString("/banner?saved="));

        JsonPath config = given().get("/api/v1/sites/" + siteId + "/banner?lang=en").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Koekjes & <b>cookies</b>", config.getString("texts.title"));
        assertNotEquals(site.getString("bannerVersion"), config.getString("version"));
        assertEquals("#0f766e", config.getString("ui.colors.accent"));
        assertEquals("top", config.getString("ui.position"));
        assertEquals(List.of("functional", "analytical"), config.getList("categories.key"));
        // Texts left as they were stay Akkoord's defaults rather than becoming the site's own.
        given().header("Authorization", "Bearer " + site.getString("apiKey")).get("/api/v1/sites/" + siteId).then()
                .body("texts.en", equalTo(Map.of("title", "Koekjes & <b>cookies</b>")));
        operator.get("/dashboard/sites/" + siteId + "/banner").then()
                .body(containsString("value=\"Koekjes &amp; &lt;b&gt;cookies&lt;/b&gt;\""));

        operator.get("/dashboard/sites/" + siteId + "/preview?lang=en").then().statusCode(200)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .body(containsString("<script nonce="))
                .body(containsString("src=\"/akkoord.js\" data-site=\"" + siteId + "\""));
    }

    @Test
    void shouldRefuseAnInvalidBannerAndKeepTheSavedOne() {
        JsonPath site = createSite("Invalid " + UUID.randomUUID(), "www.example.test");
        DashboardClient operator = DashboardClient.operator();
        Map<String, String> form = formValues(operator.get("/dashboard/sites/" + site.getString("id") + "/banner")
                .asString());
        form.put("consentLifetimeDays", "9999");
        operator.post("/dashboard/sites/" + site.getString("id") + "/banner", form).then().statusCode(400)
                .body(containsString("consentLifetimeDays"));
        given().get("/api/v1/sites/" + site.getString("id") + "/banner").then()
                .body("version", equalTo(site.getString("bannerVersion")));
    }

    @Test
    void shouldRefuseUnreadableBannerTextInTheEditorAndKeepWhatWasTyped() {
        String siteId = createSite("Yellow editor " + UUID.randomUUID(), "www.example.test").getString("id");
        DashboardClient operator = DashboardClient.operator();
        String versionBefore = given().get("/api/v1/sites/" + siteId + "/banner").then().extract().path("version");
        Map<String, String> typed = formValues(operator.get("/dashboard/sites/" + siteId + "/banner").asString());
        typed.put("color.background", "#ffff00");
        typed.put("color.text", "#ffffff");
        typed.put("text.en.title", "A title typed before the refusal");
        typed.put("privacyPolicyUrl", "https://www.example.test/typed-privacy");

        String refused = operator.post("/dashboard/sites/" + siteId + "/banner", typed).then().statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("role=\"alert\"") && refused.contains("1.07:1"), refused);
        Map<String, String> shownAgain = formValues(refused);
        for (String field : List.of("color.background", "color.text", "text.en.title", "privacyPolicyUrl")) {
            assertEquals(typed.get(field), shownAgain.get(field), field + " was lost");
        }
        // The contrast list under the colours says why, before any script runs.
        assertTrue(refused.contains("<strong class=\"ratio\">1.07:1</strong>"), refused);
        given().get("/api/v1/sites/" + siteId + "/banner").then().body("version", equalTo(versionBefore));
    }

    @Test
    void shouldSaveAWeakButtonColourFromTheEditorAndWarnAboutIt() {
        String siteId = createSite("Pale editor " + UUID.randomUUID(), "www.example.test").getString("id");
        DashboardClient operator = DashboardClient.operator();
        Map<String, String> form = formValues(operator.get("/dashboard/sites/" + siteId + "/banner").asString());
        form.put("color.accentText", "#6b7280");
        String location = operator.post("/dashboard/sites/" + siteId + "/banner", form).then().statusCode(303)
                .extract().header("Location");
        operator.get(location.substring(location.indexOf("/dashboard/"))).then().statusCode(200)
                .body(containsString("Saved, but worth a second look"))
                .body(containsString("Button text #6b7280 on #1d4ed8 has a contrast of 1.38:1"));
        given().get("/api/v1/sites/" + siteId + "/banner").then().body("ui.colors.accentText", equalTo("#6b7280"));
    }

    @Test
    void shouldDrawAnalyticsChartsFromRecordedConsents() {
        JsonPath site = createSite("Charts " + UUID.randomUUID(), "www.example.test");
        record(site, "accept_all", true, true);
        record(site, "accept_all", true, true);
        record(site, "reject_all", false, false);
        record(site, "custom", true, false);
        DashboardClient operator = DashboardClient.operator();
        String html = operator.get("/dashboard/sites/" + site.getString("id") + "/analytics?by=week").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("<strong id=\"total-records\">4</strong>"), html);
        assertTrue(html.contains("<strong id=\"rate-analytical\">75.0%</strong>"), html);
        assertTrue(html.contains("<strong id=\"rate-marketing\">50.0%</strong>"), html);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertTrue(html.contains("2 × Accept all</title>"), html);
        assertTrue(html.contains("1 × Reject all</title>"), html);
        assertEquals(3, count(html, "<rect class=\"bar\""));
        assertEquals(2, count(html, "<polyline class=\"rate\""));
        assertTrue(html.contains(": 75.0% granted Analytical</title>"), html);
        operator.get("/dashboard/sites/" + site.getString("id") + "/analytics?from=" + today + "&to=2000-01-01")
                .then().statusCode(400);
    }

    @Test
    void shouldSearchTheLogAndExportARangeAsCsv() {
        JsonPath site = createSite("Log " + UUID.randomUUID(), "www.example.test");
        String first = record(site, "accept_all", true, true);
        record(site, "reject_all", false, false);
        Map<String, Object> withdrawal = new HashMap<>(consent(site, "withdraw", false, false));
        withdrawal.put("consentId", first);
        given().contentType(ContentType.JSON).header("Origin", ORIGIN).body(withdrawal).post("/api/v1/consents").then()
                .statusCode(201);
        DashboardClient operator = DashboardClient.operator();
        String base = "/dashboard/sites/" + site.getString("id");

        String all = operator.get(base + "/consents").then().statusCode(200).extract().asString();
        assertEquals(3, count(all, "<td data-label=\"Consent id\"><a href=\"" + base + "/consents?consentId="));
        String byId = operator.get(base + "/consents?consentId=" + first).then().statusCode(200).extract().asString();
        assertEquals(2, count(byId, "<td data-label=\"Consent id\"><a href=\"" + base + "/consents?consentId="
                + first));
        assertTrue(byId.indexOf("<td data-label=\"Action\">withdraw</td>")
                < byId.indexOf("<td data-label=\"Action\">accept_all</td>"), "newest first");
        String rejected = operator.get(base + "/consents?action=reject_all").then().statusCode(200).extract().asString();
        assertEquals(1, count(rejected, "<td data-label=\"Action\">reject_all</td>"));
        operator.get(base + "/consents?consentId=nothex").then().statusCode(400);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response csv = operator.get(base + "/consents.csv?from=" + today + "&to=" + today);
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"consents-" + site.getString("id")));
        String[] lines = csv.asString().split("\r\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("record_id,site_id,seq,consent_id,recorded_at,action"));
        assertTrue(lines[1].contains("," + first + ",") && lines[1].contains(",accept_all,"));
        assertTrue(lines[3].contains(",withdraw,"));
        String onlyWithdrawals = operator.get(base + "/consents.csv?from=" + today + "&to=" + today + "&action=withdraw")
                .asString();
        assertEquals(2, onlyWithdrawals.split("\r\n").length);
        assertEquals(1, operator.get(base + "/consents.csv?from=2001-01-01&to=2001-01-02").asString()
                .split("\r\n").length);
    }

    /** The values a browser would submit for the form on {@code html} (inputs, textareas, checked boxes, selects). */
    static Map<String, String> formValues(String html) {
        Map<String, String> values = new HashMap<>();
        Matcher inputs = Pattern.compile("<input ([^>]*)>").matcher(html);
        while (inputs.find()) {
            String attributes = inputs.group(1);
            String name = attribute(attributes, "name");
            if (name == null || name.equals("_csrf")) {
                continue;
            }
            if (attributes.contains("type=\"checkbox\"")) {
                if (attributes.contains(" checked")) {
                    values.put(name, "on");
                }
                continue;
            }
            String value = attribute(attributes, "value");
            values.put(name, value == null ? "" : unescape(value));
        }
        Matcher areas = Pattern.compile("<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(html);
        while (areas.find()) {
            values.put(areas.group(1), unescape(areas.group(2)));
        }
        Matcher selects = Pattern.compile("<select [^>]*name=\"([^\"]+)\"[^>]*>([\\s\\S]*?)</select>").matcher(html);
        while (selects.find()) {
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(selects.group(2));
            if (selected.find()) {
                values.put(selects.group(1), selected.group(1));
            }
        }
        return values;
    }

    private static String attribute(String attributes, String name) {
        Matcher matcher = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
