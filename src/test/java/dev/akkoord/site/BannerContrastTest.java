package dev.akkoord.site;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The WCAG contrast rule on the banner's colours, through {@code PUT /api/v1/sites/{id}}. */
@QuarkusTest
class BannerContrastTest {

    @Test
    void shouldMeasureContrastAsWcagDefinesIt() {
        assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, Contrast.ratio("#1d4ed8", "#1d4ed8"), 1e-9);
        // White on yellow: (1 + 0.05) / (0.9278 + 0.05).
        assertEquals(1.07, Contrast.ratio("#ffffff", "#ffff00"), 0.005);
        // The order of the two colours does not matter.
        assertEquals(Contrast.ratio("#767676", "#ffffff"), Contrast.ratio("#ffffff", "#767676"), 1e-12);
        // #767676 is the classic lightest grey that passes 4.5:1 on white; #777777 just fails.
        assertEquals("4.54:1", Contrast.format(Contrast.ratio("#767676", "#ffffff")));
        assertEquals("4.47:1", Contrast.format(Contrast.ratio("#777777", "#ffffff")));
    }

    @Test
    void shouldRefuseBannerTextBelowFourAndAHalfToOneAndKeepTheSavedColours() {
        JsonPath site = createSite("Yellow", "yellow.test");
        withKey(site.getString("apiKey"))
                .body(Map.of("ui", Map.of("colors", Map.of("background", "#ffff00", "text", "#ffffff"))))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("1.07:1"), containsString("4.50:1"),
                        containsString("'ui.colors.text'")));
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id")).then()
                .body("ui.colors.text", equalTo("#1b1b1b"))
                .body("bannerVersion", equalTo(site.getString("bannerVersion")));
    }

    @Test
    void shouldAcceptReadableColoursWithoutWarnings() {
        JsonPath site = createSite("Readable", "readable.test");
        withKey(site.getString("apiKey"))
                .body(Map.of("ui", Map.of("colors", Map.of("background", "#ffff00", "text", "#1b1b1b",
                        "accent", "#0f766e", "accentText", "#ffffff"))))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(200)
                .body("ui.colors.background", equalTo("#ffff00"))
                .body("warnings", nullValue());
    }

    @Test
    void shouldSaveAWeakButtonColourAndWarnAboutIt() {
        JsonPath site = createSite("Pale buttons", "pale.test");
        String id = site.getString("id");
        // A grey label on the default blue button: 1.38:1, while the banner text stays readable.
        withKey(site.getString("apiKey"))
                .body(Map.of("ui", Map.of("colors", Map.of("accent", "#1d4ed8", "accentText", "#6b7280"))))
                .put("/api/v1/sites/" + id).then().statusCode(200)
                .body("ui.colors.accentText", equalTo("#6b7280"))
                .body("warnings", contains(allOf(containsString("Button text #6b7280 on #1d4ed8"),
                        containsString("'ui.colors.accentText'"))));
        // The warning stays with the site until the colours change.
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id).then()
                .body("warnings[0]", containsString("Button text"));
    }
}
