package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The overview's settings form (name and domains, refused input kept out), the warning when another site lists the
 * same domain, and destructive actions that ask before they act.
 */
@QuarkusTest
class SiteSettingsPageTest {

    @Test
    void shouldEditNameAndDomainsAndWarnOfADomainAnotherSiteLists() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mine = createSite("Mine " + tag, "mine-" + tag + ".test").getString("id");
        createSite("Theirs " + tag, "theirs-" + tag + ".test");
        String overview = "/dashboard/sites/" + mine;
        DashboardClient operator = DashboardClient.operator();

        operator.post(overview + "/settings", Map.of("name", "Renamed " + tag,
                "domains", "mine-" + tag + ".test, theirs-" + tag + ".test")).then().statusCode(303);
        String page = operator.get(overview + "?saved=settings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1>Renamed " + tag + "</h1>"), page);
        assertTrue(page.contains("The site's name and domains are saved."), page);
        assertTrue(page.contains("<code>theirs-" + tag + ".test</code> is also a domain of Theirs " + tag + "."), page);
        assertFalse(page.contains("<code>mine-" + tag + ".test</code> is also a domain"), page);
        assertEquals(List.of("mine-" + tag + ".test", "theirs-" + tag + ".test"),
                asOperator().get("/api/v1/sites/" + mine).then().statusCode(200).extract().jsonPath().getList("domains"));

        String refused = operator.post(overview + "/settings", Map.of("name", "Broken " + tag, "domains", "127.2:18401"))
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Not saved: &#39;127.2:18401&#39; cannot be scanned")
                || refused.contains("Not saved: '127.2:18401' cannot be scanned"), refused);
        assertEquals("Renamed " + tag, asOperator().get("/api/v1/sites/" + mine).then().extract().path("name"),
                "nothing of a refused change is saved");

        // An owner hears of the other claim without learning the other site's name.
        String owners = DashboardClient.owner(UUID.fromString(mine)).get(overview).then().statusCode(200).extract()
                .asString();
        assertTrue(owners.contains("<code>theirs-" + tag + ".test</code> is also a domain of another site."), owners);
        assertFalse(owners.contains("Theirs " + tag), owners);
    }

    @Test
    void shouldDeleteASiteAfterAskingAndSayThatItsRecordsStay() {
        String siteId = createSite("Deleted " + UUID.randomUUID(), "deleted-page.example.test").getString("id");
        String overview = "/dashboard/sites/" + siteId;
        DashboardClient.owner(UUID.fromString(siteId)).post(overview + "/delete", Map.of("confirm", "yes")).then()
                .statusCode(403);
        DashboardClient operator = DashboardClient.operator();
        String asked = operator.post(overview + "/delete", Map.of()).then().statusCode(200).extract().asString();
        assertTrue(asked.contains("Its consent records are kept as evidence for their retention period"), asked);
        operator.get(overview).then().statusCode(200);

        String location = operator.post(overview + "/delete", Map.of("confirm", "yes")).then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.contains("/dashboard/sites?deleted="), location);
        operator.get(overview).then().statusCode(404);
        asOperator().get("/api/v1/sites/" + siteId).then().statusCode(404);
    }

    @Test
    void shouldAskBeforeRevokingAKey() {
        String siteId = createSite("Keys " + UUID.randomUUID(), "keys.example.test").getString("id");
        String overview = "/dashboard/sites/" + siteId;
        DashboardClient operator = DashboardClient.operator();
        String created = operator.post(overview + "/keys", Map.of("label", "deploy")).then().statusCode(200).extract()
                .asString();
        Matcher key = Pattern.compile("<code id=\"new-key\">([^<]+)</code>").matcher(created);
        assertTrue(key.find(), created);
        Matcher revoke = Pattern.compile("action=\"(" + Pattern.quote(overview) + "/keys/[0-9a-f-]{36}/revoke)\"")
                .matcher(created);
        assertTrue(revoke.find(), created);
        withKey(key.group(1)).get("/api/v1/sites/" + siteId).then().statusCode(200);

        String asked = operator.post(revoke.group(1), Map.of()).then().statusCode(200).extract().asString();
        assertTrue(asked.contains("<h1>Revoke this API key?</h1>"), asked);
        withKey(key.group(1)).get("/api/v1/sites/" + siteId).then().statusCode(200); // not yet

        operator.post(revoke.group(1), Map.of("confirm", "yes")).then().statusCode(303);
        withKey(key.group(1)).get("/api/v1/sites/" + siteId).then().statusCode(401);
    }
}
