package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An owner sees their granted sites and nothing of any other, through links, typed URLs, forms or the API. */
@QuarkusTest
@ExternalServersToo
class OwnerIsolationTest {

    private static final List<String> SITE_PAGES = List.of("", "/banner", "/preview", "/cookies", "/scans",
            "/analytics", "/consents", "/consents.csv?from=2020-01-01");

    @Test
    void shouldShowAnOwnerOnlyTheirOwnSites() {
        JsonPath mine = createSite("Owner shop " + UUID.randomUUID(), "www.example.test");
        JsonPath theirs = createSite("Someone else shop " + UUID.randomUUID(), "www.other.test");
        DashboardClient owner = DashboardClient.owner(UUID.fromString(mine.getString("id")));

        owner.get("/dashboard/sites").then().statusCode(200)
                .body(containsString(mine.getString("name")))
                .body(not(containsString(theirs.getString("name"))));
        for (String page : SITE_PAGES) {
            owner.get("/dashboard/sites/" + mine.getString("id") + page).then().statusCode(200);
            owner.get("/dashboard/sites/" + theirs.getString("id") + page).then().statusCode(404)
                    .body(not(containsString(theirs.getString("name"))));
        }
    }

    @Test
    void shouldRefuseAnOwnersChangesToAnotherSite() {
        JsonPath mine = createSite("Mine " + UUID.randomUUID(), "www.example.test");
        JsonPath theirs = createSite("Theirs " + UUID.randomUUID(), "www.other.test");
        String theirVersion = theirs.getString("bannerVersion");
        DashboardClient owner = DashboardClient.owner(UUID.fromString(mine.getString("id")));
        String other = "/dashboard/sites/" + theirs.getString("id");

        owner.post(other + "/banner", Map.of("languages", "en", "text.en.title", "Hijacked")).then().statusCode(404);
        owner.post(other + "/keys", Map.of("label", "stolen")).then().statusCode(404);
        owner.post(other + "/cookies/override", Map.of("name", "_ga", "category", "functional")).then().statusCode(404);
        owner.post(other + "/scans", Map.of()).then().statusCode(404);
        given().get("/api/v1/sites/" + theirs.getString("id") + "/banner").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(theirVersion))
                .body("texts.title", not(containsString("Hijacked")));
    }

    @Test
    void shouldGiveAnOwnerNoWayIntoTheApi() {
        JsonPath mine = createSite("Api " + UUID.randomUUID(), "www.example.test");
        DashboardClient owner = DashboardClient.owner(UUID.fromString(mine.getString("id")));
        // The session cookie is scoped to /dashboard, and the API reads only bearer tokens.
        given().cookie(SessionCookies.SESSION, owner.sessionCookie()).get("/api/v1/sites/" + mine.getString("id"))
                .then().statusCode(401);
        given().cookie(SessionCookies.SESSION, owner.sessionCookie()).header(DashboardGuard.CSRF_HEADER, owner.csrf())
                .get("/api/v1/sites/" + mine.getString("id") + "/consents").then().statusCode(401);
        given().header("Authorization", "Bearer " + owner.sessionCookie()).get("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void shouldStopShowingASiteOnceTheGrantIsRemoved() {
        JsonPath site = createSite("Revoked " + UUID.randomUUID(), "www.example.test");
        UUID siteId = UUID.fromString(site.getString("id"));
        DashboardClient owner = DashboardClient.owner(siteId);
        owner.get("/dashboard/sites/" + siteId).then().statusCode(200);
        DashboardClient operator = DashboardClient.operator();
        String html = operator.get("/dashboard/accounts").asString();
        java.util.regex.Matcher revoke = java.util.regex.Pattern.compile(
                "/dashboard/accounts/([0-9a-f-]{36})/sites/" + siteId + "/revoke").matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(revoke.find());
        // Asked first: nothing is taken until the operator confirms.
        String asked = operator.post(revoke.group(), Map.of()).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(asked.contains("Take this site from the account?")
                && asked.contains("name=\"confirm\" value=\"yes\""), asked);
        owner.get("/dashboard/sites/" + siteId).then().statusCode(200);
        operator.post(revoke.group(), Map.of("confirm", "yes")).then().statusCode(303);
        owner.get("/dashboard/sites/" + siteId).then().statusCode(404);
    }
}
