package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture shop over plain HTTP: its pages, cookies, library builds and answers to the libraries' calls. */
class FixtureShopTest {

    private static final String BANNER = "<script src=\"http://127.0.0.1:1/akkoord.js\" data-site=\"shop\"></script>";

    private static Vertx vertx;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        // HTTP/1.1: the default h2c upgrade attempt sometimes read a large body as HTTP/2 frames.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(FixtureShop shop, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(shop.origin() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(FixtureShop shop, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(shop.origin() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void servesEveryPageAsHtml() throws Exception {
        try (FixtureShop shop = FixtureShop.start(vertx, "")) {
            assertEquals("http://127.0.0.1:" + shop.port(), shop.origin());
            assertEquals(List.of("/", "/products", "/about", "/privacy", "/no-banner", "/spa-only"), shop.pages());
            for (String page : shop.pages()) {
                HttpResponse<String> response = get(shop, page);
                assertEquals(200, response.statusCode(), page);
                assertTrue(contentType(response).startsWith("text/html"), page);
                assertTrue(response.body().startsWith("<!doctype html>"), page);
                assertFalse(response.body().contains("{{banner}}"), page);
            }
            assertEquals(404, get(shop, "/nothing-here").statusCode());
        }
    }

    @Test
    void putsTheBannerTagFirstInTheHeadOfEveryPageButNoBanner() throws Exception {
        try (FixtureShop shop = FixtureShop.start(vertx, BANNER)) {
            for (String page : shop.pages()) {
                String html = get(shop, page).body();
                if (page.equals("/no-banner")) {
                    assertFalse(html.contains(BANNER), page);
                } else {
                    assertTrue(html.contains("<head>\n" + BANNER + "<meta charset=\"utf-8\">"), page);
                }
            }
        }
    }

    @Test
    void setsHttpCookiesOnTheStartPageAndProducts() throws Exception {
        try (FixtureShop shop = FixtureShop.start(vertx, "")) {
            List<String> start = get(shop, "/").headers().allValues("Set-Cookie");
            assertEquals(1, start.size());
            assertTrue(start.get(0).matches("shop_session=[0-9a-f]{24}; Path=/; HttpOnly; SameSite=Lax"), start.get(0));
            assertEquals(List.of("shop_cart=0; Path=/; Max-Age=86400; SameSite=Lax"),
                    get(shop, "/products").headers().allValues("Set-Cookie"));
            assertEquals(List.of(), get(shop, "/about").headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void servesTheNpmBuildsAndTheFirstPartyScriptsAsJavaScript() throws Exception {
        try (FixtureShop shop = FixtureShop.start(vertx, "")) {
            HttpResponse<String> posthog = get(shop, "/lib/posthog.js");
            assertEquals(200, posthog.statusCode());
            assertEquals("text/javascript; charset=utf-8", contentType(posthog));
            assertTrue(posthog.body().length() > 100_000 && posthog.body().contains("posthog"));
            HttpResponse<String> mixpanel = get(shop, "/lib/mixpanel.js");
            assertEquals(200, mixpanel.statusCode());
            assertEquals("text/javascript; charset=utf-8", contentType(mixpanel));
            assertTrue(mixpanel.body().length() > 100_000 && mixpanel.body().contains("global.mixpanel = factory()"));
            for (String script : List.of("prefs.js", "ab.js", "loader.js", "late.js", "after-consent.js", "nav.js")) {
                HttpResponse<String> response = get(shop, "/js/" + script);
                assertEquals(200, response.statusCode(), script);
                assertEquals("text/javascript; charset=utf-8", contentType(response), script);
            }
            assertTrue(get(shop, "/js/late.js").body().contains("shop_late="));
        }
    }

    @Test
    void holdsTheConsentGatedScriptInTheMarkup() throws Exception {
        try (FixtureShop shop = FixtureShop.start(vertx, "")) {
            String html = get(shop, "/").body();
            assertTrue(html.contains(
                    "<script type=\"text/plain\" data-category=\"analytical\" src=\"/js/after-consent.js\"></script>"));
            assertTrue(html.contains("posthog.init('" + FixtureShop.POSTHOG_KEY + "'"));
            assertTrue(html.contains("mixpanel.init('" + FixtureShop.MIXPANEL_TOKEN + "'"));
            assertEquals(0, shop.hits("/js/after-consent.js"));
            get(shop, "/js/after-consent.js");
            assertEquals(1, shop.hits("/js/after-consent.js"));
            assertEquals(1, shop.hits("/"));
        }
    }

    @Test
    void answersTheAnalyticsCalls() throws Exception {
        try (FixtureShop shop = FixtureShop.start(vertx, "")) {
            HttpResponse<String> posthog = post(shop, "/e/?ip=0&_=1&ver=1.449.2", "{\"event\":\"$pageview\"}");
            assertEquals(200, posthog.statusCode());
            assertEquals("{}", posthog.body());
            assertEquals("application/json", contentType(posthog));
            assertEquals(200, post(shop, "/flags/?v=2", "{}").statusCode());
            HttpResponse<String> mixpanel = post(shop, "/track/?verbose=0&ip=1&_=1", "data=e30%3D");
            assertEquals(200, mixpanel.statusCode());
            assertEquals("1", mixpanel.body());
            assertEquals("1", post(shop, "/engage/?ip=1", "data=e30%3D").body());
            assertEquals(List.of("POST /e/", "POST /flags/", "POST /track/", "POST /engage/"), shop.requests());
        }
    }

    @Test
    void generatesALinkedSiteOfNPages() throws Exception {
        try (FixtureShop shop = FixtureShop.generated(vertx, BANNER, 5)) {
            assertEquals(List.of("/p/1", "/p/2", "/p/3", "/p/4", "/p/5"), shop.pages());
            HttpResponse<String> root = get(shop, "/");
            assertEquals(302, root.statusCode());
            assertEquals("/p/1", root.headers().firstValue("Location").orElse(""));
            String first = get(shop, "/p/1").body();
            assertTrue(first.contains("<head>\n" + BANNER));
            assertTrue(first.contains("<script src=\"/js/gen.js\" data-page=\"1\"></script>"));
            for (String link : List.of("/p/2", "/p/3", "/p/4")) {
                assertTrue(first.contains("<a href=\"" + link + "\">"), link);
            }
            assertFalse(first.contains("<a href=\"/p/5\">"));
            String last = get(shop, "/p/5").body();
            assertFalse(last.contains("<a href="));
            assertEquals(404, get(shop, "/p/6").statusCode());
            assertEquals(404, get(shop, "/lib/posthog.js").statusCode());
            assertEquals(200, get(shop, "/js/gen.js").statusCode());
        }
    }
}
