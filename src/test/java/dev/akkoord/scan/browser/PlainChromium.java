package dev.akkoord.scan.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The yardstick for the scanner's recall: Chromium as it comes (no gate, no hook, no journeys), visiting a page in
 * a fresh context, optionally accepting through the banner's public API, and listing the cookies it then holds.
 */
final class PlainChromium implements AutoCloseable {

    private final Process process;
    private final DevTools devTools;

    PlainChromium(Path binary) throws IOException {
        Path profile = Files.createTempDirectory("plain-chromium-");
        process = new ProcessBuilder("sh", "-c", "exec 3<&0 4>&1 0</dev/null 1>/dev/null; exec \"$0\" \"$@\"",
                binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-pipe",
                // Nothing but loopback, as every test here.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile, "about:blank")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        devTools = new DevTools(process.getInputStream(), process.getOutputStream(), "plain");
    }

    /** "name@domain" of the cookies a context held, before and after accepting. */
    record Held(Set<String> beforeConsent, Set<String> afterAccept) {
    }

    /**
     * Visits each page in a fresh context: lets it rest, lists the cookies, accepts through the banner's public API
     * where the page has it, rests again and lists them once more.
     */
    Held cookiesOfPages(String origin, List<String> paths, long restMillis) throws Exception {
        Set<String> before = new TreeSet<>();
        Set<String> after = new TreeSet<>();
        for (String path : paths) {
            String context = call(null, "Target.createBrowserContext", new JsonObject()).getString("browserContextId");
            try {
                String target = call(null, "Target.createTarget", new JsonObject().put("url", origin + path)
                        .put("browserContextId", context)).getString("targetId");
                String session = call(null, "Target.attachToTarget", new JsonObject().put("targetId", target)
                        .put("flatten", true)).getString("sessionId");
                Thread.sleep(restMillis);
                before.addAll(cookies(context));
                call(session, "Runtime.evaluate", new JsonObject()
                        .put("expression", "window.akkoord && window.akkoord.acceptAll()"));
                Thread.sleep(restMillis);
                after.addAll(cookies(context));
            } finally {
                call(null, "Target.disposeBrowserContext", new JsonObject().put("browserContextId", context));
            }
        }
        return new Held(before, after);
    }

    private Set<String> cookies(String context) throws Exception {
        JsonArray jar = call(null, "Storage.getCookies", new JsonObject().put("browserContextId", context))
                .getJsonArray("cookies");
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < jar.size(); i++) {
            names.add(jar.getJsonObject(i).getString("name") + "@" + jar.getJsonObject(i).getString("domain"));
        }
        return names;
    }

    private JsonObject call(String session, String method, JsonObject params) throws Exception {
        return devTools.send(session, method, params).get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        devTools.close();
        process.destroyForcibly();
    }
}
