package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.FixtureServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser pass against a small site on 127.0.0.1: cookies written by scripts, who wrote them, rendered links. */
class BrowserScannerTest {

    private static ScanRig rig;

    @BeforeAll
    static void start() {
        rig = new ScanRig();
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void findsCookiesWrittenByScriptsWithTheirWriterAndFollowsRenderedLinks() throws Exception {
        try (FixtureServer site = new FixtureServer(rig.vertx.getDelegate())) {
            site.page("/", """
                    <html><head><script src="/js/a.js"></script></head><body>
                    <script>document.cookie = 'inline_c=1; path=/; max-age=600';</script>
                    <div id="nav"></div><img src="http://localhost:9/px.gif" alt="">
                    <script>document.getElementById('nav').innerHTML = '<a href="/rendered-only">x</a>';</script>
                    </body></html>""", "srv_session=abc; Path=/; HttpOnly; SameSite=Lax");
            site.route("/js/a.js", request -> request.response().putHeader("Content-Type", "text/javascript")
                    .end("document.cookie = '_js_a=' + 'x'.repeat(40) + '; path=/; max-age=86400';"));
            site.page("/rendered-only", "<html><body><script>document.cookie='deep=1; path=/'</script></body></html>");

            BrowserReport report = rig.scan(site.port());
            Map<String, BrowserReport.Cookie> cookies = report.cookies().stream()
                    .collect(Collectors.toMap(BrowserReport.Cookie::name, Function.identity()));
            String origin = "http://127.0.0.1:" + site.port();

            assertEquals(Setter.HTTP, cookies.get("srv_session").setter().kind());
            assertEquals(origin + "/", cookies.get("srv_session").setter().url().toString());
            assertTrue(cookies.get("srv_session").httpOnly());
            assertEquals(Setter.SCRIPT, cookies.get("_js_a").setter().kind());
            assertEquals(origin + "/js/a.js", cookies.get("_js_a").setter().url().toString());
            assertEquals(40, cookies.get("_js_a").valueLength());
            assertNotNull(cookies.get("_js_a").lifetimeSeconds());
            assertEquals(origin + "/", cookies.get("inline_c").setter().url().toString(), "an inline script's page");
            assertTrue(cookies.get("_js_a").setBeforeConsent());
            assertTrue(cookies.containsKey("deep"), "the page linked only from the rendered DOM was visited: " + cookies);
            assertFalse(report.pages().stream().anyMatch(p -> Boolean.TRUE.equals(p.banner())));
            BrowserReport.Page home = report.pages().stream().filter(p -> p.url().toString().equals(origin + "/"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("localhost"), home.outsideHosts(), "another host, asked before any decision");
            assertTrue(report.requests().stream().anyMatch(r -> r.host().equals("localhost")
                    && r.phase() == Phase.BEFORE_CONSENT && r.example().getPath().equals("/px.gif")));
        }
    }

    @Test
    void visitsAStartPageThatRedirectsOnceWhereItLands() throws Exception {
        try (FixtureServer site = new FixtureServer(rig.vertx.getDelegate())) {
            site.redirect("/", "/home");
            site.page("/home", "<html><body><a href=\"/home\">home</a><a href=\"/other\">other</a>"
                    + "<script>document.cookie='home_c=1; path=/'</script></body></html>");
            site.page("/other", "<html><body><a href=\"/home\">home</a></body></html>");

            BrowserReport report = rig.scan(site.port());
            String origin = "http://127.0.0.1:" + site.port();
            assertEquals(Set.of(origin + "/", origin + "/other"),
                    report.pages().stream().map(p -> p.url().toString()).collect(Collectors.toSet()),
                    "/home is not visited twice");
            assertEquals(origin + "/home", report.pages().stream().filter(p -> p.url().getPath().equals("/"))
                    .findFirst().orElseThrow().finalUrl().toString());
            assertEquals(2, report.visits());
            assertTrue(report.cookies().stream().anyMatch(c -> c.name().equals("home_c")));
        }
    }
}
