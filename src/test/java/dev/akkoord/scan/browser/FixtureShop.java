package dev.akkoord.scan.browser;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small shop on 127.0.0.1 for scanning in a real browser: pages under src/test/resources/fixture-shop/ that load
 * self-hosted builds of PostHog and Mixpanel (from web-widget/node_modules), first-party scripts setting cookies
 * from JavaScript, one script held by the banner until consent, and Set-Cookie headers. The analytics libraries talk
 * only to the shop's own origin, which answers their calls with 200.
 *
 * <p>Cookies a visit without consent gets (all host-only on 127.0.0.1, path /):
 * <ul>
 * <li>{@code /}: {@code shop_session} (Set-Cookie, HttpOnly), {@code ph_phc_fixtureshopfakekey_posthog}
 * (/lib/posthog.js), {@code mp_fixtureshopfaketoken_mixpanel} (/lib/mixpanel.js), {@code shop_theme} (/js/prefs.js),
 * {@code shop_ab} (/js/ab.js), {@code shop_late} (/js/late.js, added by /js/loader.js after 300 ms),
 * {@code shop_inline} (an inline script); {@code shop_consented} (/js/after-consent.js) only once the banner
 * releases the analytical category.
 * <li>{@code /products}: {@code shop_cart} (Set-Cookie), the Mixpanel cookie, {@code shop_theme}; its link to
 * {@code /spa-only} exists only in the rendered page (/js/nav.js).
 * <li>{@code /about}: {@code shop_ab}, the rendered {@code /spa-only} link, the consent-gated script, and
 * /js/conversion.js, which writes the marketing cookie {@code _gcl_au} on any decision, a rejection too.
 * <li>{@code /spa-only}: {@code shop_spa} (inline). {@code /no-banner}: {@code shop_ab}, and no banner.
 * {@code /privacy}: none.
 * </ul>
 *
 * <p>{@link #generated} makes a plain site of N pages instead, for benchmarks.
 */
public final class FixtureShop implements AutoCloseable {

    public static final String POSTHOG_KEY = "phc_fixtureshopfakekey";
    public static final String MIXPANEL_TOKEN = "fixtureshopfaketoken";

    /** The npm builds, relative to web-widget/node_modules; the tests run in the project root. */
    private static final Path NODE_MODULES = Path.of("web-widget", "node_modules");
    private static final Map<String, String> LIBRARIES = Map.of(
            "/lib/posthog.js", "posthog-js/dist/array.js",
            "/lib/mixpanel.js", "mixpanel-browser/dist/mixpanel.umd.js");

    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", "index.html");
        PAGES.put("/products", "products.html");
        PAGES.put("/about", "about.html");
        PAGES.put("/privacy", "privacy.html");
        PAGES.put("/no-banner", "no-banner.html");
        PAGES.put("/spa-only", "spa-only.html");
    }

    private static final List<String> SCRIPTS =
            List.of("prefs.js", "ab.js", "loader.js", "late.js", "after-consent.js", "nav.js", "gen.js",
            "conversion.js");

    /**
     * Where the libraries send events, flags and settings: PostHog /e/ (and /i/, /s/, /flags/, /decide/ where
     * enabled), Mixpanel /track/, /engage/, /groups/ (and /record/, /flags/, /settings/ where enabled).
     */
    private static final List<String> POSTHOG_CALLS = List.of("/e/", "/i/", "/s/", "/batch/", "/capture/", "/decide/");
    private static final List<String> MIXPANEL_CALLS = List.of("/track/", "/engage/", "/groups/", "/record/", "/settings/");

    private final Map<String, Handler<HttpServerRequest>> routes = new HashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> pagePaths = new ArrayList<>();
    private final HttpServer server;
    /** Put into pages as they are served, so a test can name the site id it registered for this shop's port. */
    private volatile String bannerTag;
    private final Vertx vertx;
    private volatile long delayMillis;

    /**
     * Runs the shop by hand until standard input closes, printing its origin: for looking at it in a browser, e.g.
     * with web-widget/test/fixture-shop/visit.mjs. An argument is the banner tag; {@code --generated N} makes N pages.
     */
    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        boolean generated = args.length >= 2 && args[0].equals("--generated");
        try (FixtureShop shop = generated
                ? generated(vertx, args.length > 2 ? args[2] : "", Integer.parseInt(args[1]))
                : start(vertx, args.length > 0 ? args[0] : "")) {
            System.out.println(shop.origin());
            System.in.transferTo(OutputStream.nullOutputStream());
            shop.requests().forEach(System.out::println);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The shop, with {@code bannerTag} (may be empty) first in the head of every page but /no-banner. */
    public static FixtureShop start(Vertx vertx, String bannerTag) throws Exception {
        return new FixtureShop(vertx, bannerTag, 0);
    }

    /**
     * A site of {@code count} pages /p/1 … /p/N instead of the shop, each with the banner tag, linking to the next
     * three and loading /js/gen.js, which sets {@code gen_visit} (shared) and {@code gen_<n>} (its own). / redirects
     * to /p/1.
     */
    public static FixtureShop generated(Vertx vertx, String bannerTag, int count) throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("a generated site needs at least one page");
        }
        return new FixtureShop(vertx, bannerTag, count);
    }

    private FixtureShop(Vertx vertx, String bannerTag, int generated) throws Exception {
        this.bannerTag = bannerTag;
        this.vertx = vertx;
        for (String script : SCRIPTS) {
            Buffer body = Buffer.buffer(resource("js/" + script));
            routes.put("/js/" + script, request -> send(request, "text/javascript; charset=utf-8", body));
        }
        routes.put("/favicon.ico", request -> request.response().setStatusCode(204).end());
        if (generated > 0) {
            for (int page = 1; page <= generated; page++) {
                String html = generatedPage(page, generated);
                pagePaths.add("/p/" + page);
                routes.put("/p/" + page, request -> send(request, "text/html; charset=utf-8", withBanner(html)));
            }
            routes.put("/", request -> request.response().setStatusCode(302).putHeader("Location", "/p/1").end());
        } else {
            for (var page : PAGES.entrySet()) {
                String html = new String(resource(page.getValue()), StandardCharsets.UTF_8);
                String path = page.getKey();
                pagePaths.add(path);
                routes.put(path, request -> {
                    String cookie = setCookie(path);
                    if (cookie != null) {
                        request.response().putHeader("Set-Cookie", cookie);
                    }
                    send(request, "text/html; charset=utf-8", withBanner(html));
                });
            }
            for (var library : LIBRARIES.entrySet()) {
                Buffer body = Buffer.buffer(library(library.getValue()));
                routes.put(library.getKey(), request -> send(request, "text/javascript; charset=utf-8", body));
            }
        }
        server = vertx.createHttpServer().requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Pages served from now on carry this banner tag. */
    public FixtureShop bannerTag(String tag) {
        this.bannerTag = tag;
        return this;
    }

    private Buffer withBanner(String html) {
        return Buffer.buffer(html.replace("{{banner}}", bannerTag));
    }

    /** Every answer from now on waits this long first, as on a slow site (0: none). */
    public FixtureShop slowedBy(long millis) {
        this.delayMillis = millis;
        return this;
    }

    private void handle(HttpServerRequest request) {
        long delay = delayMillis;
        if (delay > 0) {
            request.pause();
            vertx.setTimer(delay, id -> {
                request.resume();
                answer(request);
            });
        } else {
            answer(request);
        }
    }

    private void answer(HttpServerRequest request) {
        String path = request.path();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        requests.add(request.method() + " " + path);
        Handler<HttpServerRequest> route = routes.get(path);
        if (route != null) {
            route.handle(request);
        } else if (MIXPANEL_CALLS.stream().anyMatch(path::startsWith)) {
            // Mixpanel reads "1" as success (and {"status":1} with verbose, which it is not asked for).
            request.body().onComplete(body -> send(request, "text/plain", Buffer.buffer("1")));
        } else if (POSTHOG_CALLS.stream().anyMatch(path::startsWith) || path.startsWith("/flags")) {
            request.body().onComplete(body -> send(request, "application/json", Buffer.buffer("{}")));
        } else {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("not found");
        }
    }

    /** The HTTP cookie a page sets: a session cookie on the start page, a cart cookie on /products. */
    private static String setCookie(String page) {
        return switch (page) {
            case "/" -> "shop_session=" + randomHex() + "; Path=/; HttpOnly; SameSite=Lax";
            case "/products" -> "shop_cart=0; Path=/; Max-Age=86400; SameSite=Lax";
            default -> null;
        };
    }

    private static void send(HttpServerRequest request, String contentType, Buffer body) {
        request.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }

    private static String generatedPage(int page, int count) {
        StringBuilder links = new StringBuilder();
        for (int next = page + 1; next <= Math.min(page + 3, count); next++) {
            links.append("  <a href=\"/p/").append(next).append("\">Page ").append(next).append("</a>\n");
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                {{banner}}<meta charset="utf-8">
                <title>Page %1$d</title>
                <script src="/js/gen.js" data-page="%1$d"></script>
                </head>
                <body>
                <h1>Page %1$d of %2$d</h1>
                <nav>
                %3$s</nav>
                </body>
                </html>
                """.formatted(page, count, links);
    }

    private static byte[] resource(String name) {
        try (InputStream in = FixtureShop.class.getResourceAsStream("/fixture-shop/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture-shop/" + name + " is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] library(String file) {
        Path path = NODE_MODULES.resolve(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("The fixture shop serves " + path + ", which is missing: run `npm ci` in"
                    + " web-widget (the tests expect the project root as working directory)");
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public int port() {
        return server.actualPort();
    }

    /** http://127.0.0.1:PORT, without a trailing slash. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** The paths of the HTML pages, start page first. */
    public List<String> pages() {
        return List.copyOf(pagePaths);
    }

    /** How many requests {@code path} (without query) has had. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Every request so far, in order of arrival, as "METHOD /path". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
