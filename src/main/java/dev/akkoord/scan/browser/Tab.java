package dev.akkoord.scan.browser;

import static dev.akkoord.scan.browser.PageVisitor.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One page session during one journey: hears its network and cookie events, loads the page, lets it settle,
 * presses the journey's button and reads what the context holds. Events arrive on the DevTools reader thread; the
 * journey itself runs on a scan thread.
 */
final class Tab {

    static final String BINDING = "__akkoordScanCookieWrite";

    /**
     * Installed before any page script: reports each cookie write (name and attributes, never the value) with the
     * writer's stack, through a binding the page cannot reach once the hook holds it.
     */
    static final String COOKIE_HOOK = """
            (() => {
              const send = globalThis.%1$s;
              try { delete globalThis.%1$s; } catch (e) {}
              if (typeof send !== 'function') return;
              const stack = () => {
                const limit = Error.stackTraceLimit;
                Error.stackTraceLimit = 50;
                const text = new Error().stack;
                Error.stackTraceLimit = limit;
                return text;
              };
              const withoutValue = (text) => {
                const s = String(text);
                const eq = s.indexOf('='), semi = s.indexOf(';');
                const name = (eq < 0 || (semi >= 0 && semi < eq)) ? s.slice(0, semi < 0 ? s.length : semi) : s.slice(0, eq);
                return name.trim() + (semi < 0 ? '' : s.slice(semi));
              };
              // A script the page held back for a category (data-category, as Akkoord's banner releases them) says
              // what its cookies need; only known while it runs its top level.
              const gate = () => {
                const script = document.currentScript;
                return script && script.getAttribute ? script.getAttribute('data-category') : null;
              };
              const report = (text) => {
                try {
                  send(JSON.stringify({ c: withoutValue(text).slice(0, 2048), s: stack(), u: location.href, g: gate() }));
                } catch (e) {}
              };
              const own = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
              if (own && own.set) {
                Object.defineProperty(Document.prototype, 'cookie', {
                  configurable: true, enumerable: own.enumerable,
                  get() { return own.get.call(this); },
                  set(value) { report(value); return own.set.call(this, value); },
                });
              }
              if (globalThis.CookieStore && CookieStore.prototype.set) {
                const set = CookieStore.prototype.set;
                CookieStore.prototype.set = function (first, second) {
                  const o = typeof first === 'string' ? { name: first } : (first || {});
                  report(o.name + '=' + (o.domain ? '; domain=' + o.domain : '') + (o.path ? '; path=' + o.path : ''));
                  return set.apply(this, arguments);
                };
              }
            })();
            """.formatted(BINDING);

    static final String GPC_HOOK = """
            Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
            """;

    /** Where the banner's button for the journey is, or whether the page has Akkoord at all. */
    private static final String BANNER_PROBE = """
            (() => {
              const host = document.querySelector('akkoord-banner');
              const bar = host && host.shadowRoot && host.shadowRoot.querySelector('.bar');
              if (!bar || bar.hidden) return { akkoord: !!window.akkoord, shown: false };
              const button = bar.querySelectorAll('.btns button')[%d];
              if (!button) return { akkoord: true, shown: false };
              const r = button.getBoundingClientRect();
              return { akkoord: true, shown: r.width > 0 && r.height > 0, x: r.x + r.width / 2, y: r.y + r.height / 2 };
            })()
            """;

    private static final String PAGE_READING = """
            (async () => {
              const keys = (area) => { try { return Object.keys(area); } catch (e) { return []; } };
              let databases = [];
              try { databases = (await indexedDB.databases()).map((d) => d.name); } catch (e) {}
              const links = Array.from(document.querySelectorAll('a[href]'), (a) => a.href)
                .filter((href) => /^https?:/i.test(href)).slice(0, 2000);
              return { local: keys(localStorage), session: keys(sessionStorage), databases, links, url: location.href };
            })()
            """;

    private final DevTools devTools;
    private final String session;
    private final String contextId;
    private final URI page;
    private final Journey journey;
    private final VisitSettings settings;
    private final long deadline;

    private final CookieWrites writes = new CookieWrites();
    private final AtomicLong order = new AtomicLong();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, List<URI>> responseUrls = new ConcurrentHashMap<>();
    private final Map<String, List<String[]>> setCookieHeaders = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<Visit.Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private volatile long lastActivity = System.currentTimeMillis();
    private volatile Phase phase;
    private volatile boolean crashed;

    Tab(DevTools devTools, String session, String contextId, URI page, Journey journey, VisitSettings settings,
            long deadline) {
        this.devTools = devTools;
        this.session = session;
        this.contextId = contextId;
        this.page = page;
        this.journey = journey;
        this.settings = settings;
        this.deadline = deadline;
        this.phase = journey == Journey.GPC ? Phase.UNDER_GPC : Phase.BEFORE_CONSENT;
    }

    Visit run() {
        devTools.listen(session, this::onEvent);
        prepare();
        JsonObject navigation = send("Page.navigate", new JsonObject().put("url", page.toString()));
        String error = navigation.getString("errorText");
        if (error != null && !error.isBlank()) {
            return Visit.failed(page, journey, "the browser could not load the page: " + error);
        }
        waitForLoad();
        settle();
        boolean decided = false;
        Set<String> before = Set.of();
        Phase beforePhase = phase;
        long decisionOrder = Long.MAX_VALUE;
        JsonObject probe = findBanner(journey == Journey.ACCEPT ? 0 : 1);
        boolean banner = probe.getBoolean("shown", false);
        if (banner && (journey == Journey.REJECT || journey == Journey.ACCEPT)) {
            before = PageVisitor.cookieKeys(jar());
            decisionOrder = order.incrementAndGet();
            phase = journey == Journey.REJECT ? Phase.AFTER_REJECT : Phase.AFTER_ACCEPT;
            click(probe.getDouble("x"), probe.getDouble("y"));
            decided = true;
            settle();
        }
        JsonObject reading = send("Runtime.evaluate", new JsonObject().put("expression", PAGE_READING)
                .put("awaitPromise", true).put("returnByValue", true)).getJsonObject("result", new JsonObject())
                .getJsonObject("value", new JsonObject());
        attributeHttpCookies();
        List<Visit.Cookie> cookies = PageVisitor.readCookies(jar(), phase, before, beforePhase, writes,
                decisionOrder);
        URI finalUrl = parse(reading.getString("url"));
        List<URI> links = new ArrayList<>();
        for (String href : PageVisitor.strings(reading.getJsonArray("links"))) {
            URI link = parse(href);
            if (link != null) {
                links.add(link);
            }
        }
        Visit.StorageKeys storage = new Visit.StorageKeys(PageVisitor.strings(reading.getJsonArray("local")),
                PageVisitor.strings(reading.getJsonArray("session")),
                PageVisitor.strings(reading.getJsonArray("databases")));
        return new Visit(page, journey, finalUrl != null ? finalUrl : page, status(navigation), banner, decided,
                null, cookies, storage, List.copyOf(requests), links);
    }

    /**
     * Sets the session up before the page loads. The commands go out at once and are answered in order: the new
     * renderer is usually still starting, and one round trip per command would wait for it each time.
     */
    private void prepare() {
        List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
        answers.add(devTools.send(session, "Network.enable", new JsonObject()));
        answers.add(devTools.send(session, "Page.enable", new JsonObject()));
        answers.add(devTools.send(session, "Runtime.enable", new JsonObject()));
        answers.add(devTools.send(session, "Runtime.addBinding", new JsonObject().put("name", BINDING)));
        answers.add(devTools.send(session, "Page.addScriptToEvaluateOnNewDocument",
                new JsonObject().put("source", COOKIE_HOOK)));
        // The scanner's decisions are not a visitor's: they never reach the consent ledger.
        answers.add(devTools.send(session, "Fetch.enable", new JsonObject().put("patterns", new JsonArray()
                .add(new JsonObject().put("urlPattern", "*/api/v1/consents*").put("requestStage", "Request")))));
        if (journey == Journey.GPC) {
            answers.add(devTools.send(session, "Page.addScriptToEvaluateOnNewDocument",
                    new JsonObject().put("source", GPC_HOOK)));
            answers.add(devTools.send(session, "Network.setExtraHTTPHeaders",
                    new JsonObject().put("headers", new JsonObject().put("Sec-GPC", "1"))));
        }
        for (CompletableFuture<JsonObject> answer : answers) {
            await(answer, deadline);
        }
    }

    private void onEvent(String method, JsonObject params) {
        switch (method) {
            case "Network.requestWillBeSent" -> {
                String id = params.getString("requestId");
                JsonObject redirect = params.getJsonObject("redirectResponse");
                if (redirect != null) {
                    responseUrl(id, redirect.getString("url"));
                }
                JsonObject request = params.getJsonObject("request", new JsonObject());
                URI url = parse(request.getString("url"));
                if (url != null) {
                    requests.add(new Visit.Request(url, params.getString("type", "Other"), phase));
                    inFlight.add(id);
                }
                lastActivity = System.currentTimeMillis();
            }
            case "Network.responseReceived" -> {
                JsonObject response = params.getJsonObject("response", new JsonObject());
                responseUrl(params.getString("requestId"), response.getString("url"));
                statuses.put(params.getString("requestId"), response.getInteger("status", 0));
            }
            case "Network.responseReceivedExtraInfo" -> {
                String setCookie = header(params.getJsonObject("headers"), "set-cookie");
                if (setCookie != null) {
                    setCookieHeaders.computeIfAbsent(params.getString("requestId"),
                            id -> Collections.synchronizedList(new ArrayList<>()))
                            .add(new String[] {String.valueOf(order.incrementAndGet()), setCookie});
                }
            }
            case "Network.loadingFinished", "Network.loadingFailed" -> {
                inFlight.remove(params.getString("requestId"));
                lastActivity = System.currentTimeMillis();
            }
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.bindingCalled" -> {
                if (BINDING.equals(params.getString("name"))) {
                    scriptWrite(params.getString("payload"));
                }
            }
            case "Fetch.requestPaused" -> {
                String id = params.getString("requestId");
                boolean consentPost = "POST".equals(params.getJsonObject("request", new JsonObject())
                        .getString("method"));
                devTools.send(session, consentPost ? "Fetch.failRequest" : "Fetch.continueRequest",
                        consentPost ? new JsonObject().put("requestId", id).put("errorReason", "BlockedByClient")
                                : new JsonObject().put("requestId", id));
            }
            case "Inspector.targetCrashed" -> {
                crashed = true;
                loaded.completeExceptionally(new IllegalStateException("the page's renderer crashed"));
            }
            default -> {
            }
        }
    }

    private void scriptWrite(String payload) {
        try {
            JsonObject write = new JsonObject(payload);
            writes.script(order.incrementAndGet(), write.getString("c", ""), write.getString("s"),
                    parse(write.getString("u")), write.getString("g"));
        } catch (RuntimeException e) {
            // a page may call what it finds; a malformed report is not a write
        }
    }

    private void responseUrl(String requestId, String url) {
        URI u = parse(url);
        if (u != null) {
            responseUrls.computeIfAbsent(requestId, id -> Collections.synchronizedList(new ArrayList<>())).add(u);
        }
    }

    /** Pairs each response's Set-Cookie header with its URL: the n-th extra info of a request is its n-th hop. */
    private void attributeHttpCookies() {
        setCookieHeaders.forEach((requestId, headers) -> {
            List<URI> urls = responseUrls.getOrDefault(requestId, List.of());
            for (int i = 0; i < headers.size(); i++) {
                URI url = urls.isEmpty() ? null : urls.get(Math.min(i, urls.size() - 1));
                long at = Long.parseLong(headers.get(i)[0]);
                for (String line : headers.get(i)[1].split("\n")) {
                    writes.http(at, line, url);
                }
            }
        });
    }

    private void waitForLoad() {
        long left = Math.min(deadline - System.currentTimeMillis(), settings.maxSettle().toMillis() * 3);
        try {
            loaded.get(Math.max(1, left), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // a page that never fires load (a hanging resource) is read as it is
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until the network has been quiet for a while, bounded. */
    private void settle() {
        long start = System.currentTimeMillis();
        while (true) {
            long now = System.currentTimeMillis();
            if (crashed) {
                throw new IllegalStateException("the page's renderer crashed");
            }
            if (now >= deadline) {
                throw new PageVisitor.OutOfTime();
            }
            boolean quiet = inFlight.isEmpty() && now - lastActivity >= settings.quiet().toMillis();
            if (quiet && now - start >= settings.minDwell().toMillis() || now - start >= settings.maxSettle().toMillis()) {
                return;
            }
            sleep(50);
        }
    }

    private JsonObject findBanner(int button) {
        long until = Math.min(deadline, System.currentTimeMillis() + settings.bannerWait().toMillis());
        JsonObject probe;
        do {
            probe = send("Runtime.evaluate", new JsonObject().put("expression", BANNER_PROBE.formatted(button))
                    .put("returnByValue", true)).getJsonObject("result", new JsonObject())
                    .getJsonObject("value", new JsonObject());
            if (probe.getBoolean("shown", false) || !probe.getBoolean("akkoord", false)) {
                return probe;
            }
            sleep(100);
        } while (System.currentTimeMillis() < until);
        return probe;
    }

    /** A real click, as a visitor's: the events go through the page's hit testing. */
    private void click(double x, double y) {
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            JsonObject event = new JsonObject().put("type", type).put("x", x).put("y", y);
            if (!type.equals("mouseMoved")) {
                event.put("button", "left").put("clickCount", 1);
            }
            send("Input.dispatchMouseEvent", event);
        }
    }

    private JsonArray jar() {
        return await(devTools.send("Storage.getCookies", new JsonObject().put("browserContextId", contextId)),
                deadline).getJsonArray("cookies", new JsonArray());
    }

    private int status(JsonObject navigation) {
        String loader = navigation.getString("loaderId");
        Integer status = loader == null ? null : statuses.get(loader);
        return status == null ? 0 : status;
    }

    private JsonObject send(String method, JsonObject params) {
        return await(devTools.send(session, method, params), deadline);
    }

    private static String header(JsonObject headers, String name) {
        if (headers == null) {
            return null;
        }
        for (String key : headers.fieldNames()) {
            if (key.equalsIgnoreCase(name)) {
                return String.valueOf(headers.getValue(key));
            }
        }
        return null;
    }

    private static URI parse(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return null;
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
