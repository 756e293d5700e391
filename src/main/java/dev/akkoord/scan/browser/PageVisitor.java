package dev.akkoord.scan.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** Runs one journey on one page in a fresh browser context, and reads what the context holds at its end. */
final class PageVisitor {

    private static final Logger LOG = Logger.getLogger(PageVisitor.class);

    /** Thrown inside a journey whose time is up. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the page did not settle within the page time-out", null, false, false);
        }
    }

    private final VisitSettings settings;

    PageVisitor(VisitSettings settings) {
        this.settings = settings;
    }

    Visit visit(Chromium browser, URI page, Journey journey) {
        DevTools devTools = browser.devTools();
        long deadline = System.currentTimeMillis() + settings.pageTimeout().toMillis();
        String contextId = null;
        String sessionId = null;
        try {
            contextId = await(devTools.send("Target.createBrowserContext",
                    new JsonObject().put("disposeOnDetach", true)), deadline).getString("browserContextId");
            String targetId = await(devTools.send("Target.createTarget", new JsonObject().put("url", "about:blank")
                    .put("browserContextId", contextId)), deadline).getString("targetId");
            sessionId = await(devTools.send("Target.attachToTarget", new JsonObject().put("targetId", targetId)
                    .put("flatten", true)), deadline).getString("sessionId");
            Tab tab = new Tab(devTools, sessionId, contextId, page, journey, settings, deadline);
            return tab.run();
        } catch (OutOfTime e) {
            return Visit.failed(page, journey, e.getMessage());
        } catch (DevTools.Gone e) {
            return Visit.failed(page, journey, "the browser stopped while loading this page (" + e.getMessage()
                    + "); it is restarted for the rest of the scan");
        } catch (RuntimeException e) {
            LOG.debugf(e, "journey %s on %s failed", journey.label(), page);
            return Visit.failed(page, journey, "the page could not be scanned: " + e.getMessage());
        } finally {
            if (sessionId != null) {
                devTools.forget(sessionId);
            }
            if (contextId != null && devTools.isOpen()) {
                devTools.send("Target.disposeBrowserContext", new JsonObject().put("browserContextId", contextId));
            }
        }
    }

    /** Waits for a DevTools answer, at most until the journey's deadline. */
    static JsonObject await(CompletableFuture<JsonObject> answer, long deadline) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            throw new OutOfTime();
        }
        try {
            return answer.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OutOfTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The reading of a context's cookie store, without values.
     *
     * @param before        the cookies held when the journey's decision was taken (empty without one)
     * @param decisionOrder the write order at the decision; writes after it count as after the decision
     */
    static List<Visit.Cookie> readCookies(JsonArray jar, Phase phase, Set<String> before, Phase beforePhase,
            CookieWrites writes, long decisionOrder) {
        List<Visit.Cookie> cookies = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < jar.size(); i++) {
            JsonObject c = jar.getJsonObject(i);
            String name = c.getString("name");
            String domain = c.getString("domain");
            String value = c.getString("value", "");
            boolean session = c.getBoolean("session", false);
            double expires = c.getDouble("expires", -1.0);
            Instant expiresAt = session || expires <= 0 ? null : Instant.ofEpochSecond((long) expires);
            Long lifetime = expiresAt == null ? null : Math.max(0, expiresAt.getEpochSecond() - now);
            boolean heldBefore = before.contains(jarKey(c));
            Phase writtenAfter = heldBefore && phase != beforePhase && writes.writtenAfter(decisionOrder, name, domain)
                    ? phase : null;
            cookies.add(new Visit.Cookie(name, domain, !domain.startsWith("."), c.getString("path"), expiresAt,
                    lifetime, c.getBoolean("secure", false), c.getBoolean("httpOnly", false),
                    c.getString("sameSite"), c.getValue("partitionKey") != null, c.getInteger("size", 0),
                    value.length(), ValueShape.of(value), heldBefore ? beforePhase : phase, writtenAfter,
                    writes.setterOf(name, domain)));
        }
        return cookies;
    }

    static Set<String> cookieKeys(JsonArray jar) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < jar.size(); i++) {
            keys.add(jarKey(jar.getJsonObject(i)));
        }
        return keys;
    }

    /** A cookie of the store: name, domain and path tell it apart from every other. */
    private static String jarKey(JsonObject cookie) {
        return cookie.getString("name") + "\n" + cookie.getString("domain") + "\n" + cookie.getString("path");
    }

    static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            for (Object o : array) {
                if (o instanceof String s) {
                    list.add(s);
                }
            }
        }
        return list;
    }
}
