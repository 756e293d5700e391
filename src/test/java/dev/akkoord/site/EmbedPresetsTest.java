package dev.akkoord.site;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.akkoord.dashboard.DashboardClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The owner's own embed providers: checked, stored, in the banner's config, and kept by the editor's forms. */
@QuarkusTest
class EmbedPresetsTest {

    private static final Map<String, Object> PEERTUBE = Map.of("name", "PeerTube", "host", "Video.Example.test",
            "path", "/videos/embed", "kind", "video", "category", "analytical");

    @Test
    void shouldStoreThePresetsAndGiveThemToTheBannerInANewVersion() {
        JsonPath site = createSite("Presets " + UUID.randomUUID(), "www.example.test");
        String id = site.getString("id");
        assertFalse(banner(id).getMap("").containsKey("embeds"), "a site without presets pays no bytes for them");

        JsonPath updated = asOperator().body(Map.of("embedPresets", List.of(PEERTUBE))).put("/api/v1/sites/" + id)
                .then().statusCode(200).extract().jsonPath();

        assertEquals("video.example.test", updated.getString("embedPresets[0].host"), "hosts are kept in lower case");
        assertNotEquals(site.getString("bannerVersion"), updated.getString("bannerVersion"));
        assertEquals(List.of(List.of("video.example.test", "/videos/embed", "PeerTube", "video", "analytical")),
                banner(id).getList("embeds"));
    }

    static List<Map<String, Object>> refused() {
        List<Map<String, Object>> presets = new ArrayList<>();
        for (Object[] change : new Object[][] { { "host", "10.0.0.1" }, { "host", "video.example.test:8080" },
                { "host", "https://video.example.test" }, { "host", "*.example.test" }, { "host", "localhost" },
                { "host", "video.example.test/embed" }, { "path", "videos" }, { "path", "/a b" }, { "kind", "movie" },
                { "category", "functional" }, { "name", " " } }) {
            Map<String, Object> preset = new HashMap<>(PEERTUBE);
            preset.put((String) change[0], change[1]);
            presets.add(preset);
        }
        return presets;
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldRefuseABadPresetNamingItsFieldAndKeepWhatIsStored(Map<String, Object> bad) {
        String id = createSite("Refused " + UUID.randomUUID(), "www.example.test").getString("id");
        asOperator().body(Map.of("embedPresets", List.of(PEERTUBE))).put("/api/v1/sites/" + id).then().statusCode(200);

        asOperator().body(Map.of("embedPresets", List.of(PEERTUBE, bad))).put("/api/v1/sites/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("embedPresets[1]."));

        assertEquals(List.of("PeerTube"), asOperator().get("/api/v1/sites/" + id).then().statusCode(200).extract()
                .jsonPath().getList("embedPresets.name"));
    }

    @Test
    void shouldRefuseMoreThanTwentyAndAPresetOfADroppedCategory() {
        String id = createSite("Many " + UUID.randomUUID(), "www.example.test").getString("id");
        asOperator().body(Map.of("embedPresets", Collections.nCopies(21, PEERTUBE)))
                .put("/api/v1/sites/" + id).then().statusCode(400).body("detail", containsString("at most 20"));
        asOperator().body(Map.of("embedPresets", List.of(PEERTUBE))).put("/api/v1/sites/" + id).then().statusCode(200);
        asOperator().body(Map.of("categories", List.of("functional", "marketing"))).put("/api/v1/sites/" + id).then()
                .statusCode(400).body("detail", containsString("embedPresets[0].category"));
    }

    @Test
    void shouldAddAndRemoveAPresetThroughTheEditorAndShowARefusalNextToItsForm() {
        String id = createSite("Editor " + UUID.randomUUID(), "www.example.test").getString("id");
        DashboardClient owner = DashboardClient.owner(UUID.fromString(id));
        String path = "/dashboard/sites/" + id + "/banner";

        Response added = owner.post(path + "/embeds", Map.of("name", "PeerTube", "host", "video.example.test",
                "path", "", "kind", "video", "category", "marketing"));
        assertEquals(303, added.statusCode());
        String page = owner.get(path).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<th scope=\"row\" data-label=\"Provider\">PeerTube</th>"), page);
        assertTrue(banner(id).getList("embeds").toString().contains("PeerTube"));

        String refused = owner.post(path + "/embeds", Map.of("name", "Bad", "host", "127.0.0.1", "kind", "video",
                "category", "marketing")).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"embed-error\"") && refused.contains("embedPresets[1].host"), refused);
        assertTrue(refused.contains(">PeerTube</th>"), "what was stored is still listed");

        assertEquals(303, owner.post(path + "/embeds/remove", Map.of("index", "0")).statusCode());
        assertFalse(banner(id).getMap("").containsKey("embeds"));
    }

    private static JsonPath banner(String siteId) {
        return given().header("Origin", "https://www.example.test").get("/api/v1/sites/" + siteId + "/banner").then()
                .statusCode(200).extract().jsonPath();
    }
}
