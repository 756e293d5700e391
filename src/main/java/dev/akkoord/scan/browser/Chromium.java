package dev.akkoord.scan.browser;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One headless Chromium process, driven over a DevTools pipe. Its only way out is the {@link BrowserGate} on
 * loopback; it resolves no name itself. Started through {@code sh} so that the pipe lands on descriptors 3 and 4,
 * where {@code --remote-debugging-pipe} expects it: when this JVM dies, even by {@code kill -9}, the browser reads
 * end-of-file and exits with its helpers.
 */
final class Chromium implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Chromium.class);
    /** Moves the pipe from stdin/stdout to descriptors 3/4 and execs the browser, so no shell stays behind. */
    private static final String PIPE_ON_3_AND_4 = "exec 3<&0 4>&1 0</dev/null 1>/dev/null; exec \"$0\" \"$@\"";

    private final Process process;
    private final DevTools devTools;
    private final Path profile;
    private final String version;

    private Chromium(Process process, DevTools devTools, Path profile, String version) {
        this.process = process;
        this.devTools = devTools;
        this.profile = profile;
        this.version = version;
    }

    /** Starts the browser with its traffic routed through the gate on {@code proxyPort}. */
    static Chromium launch(Path binary, int proxyPort, long startTimeoutMillis) throws IOException {
        Path profile = Files.createTempDirectory("akkoord-chromium-");
        List<String> command = new ArrayList<>(List.of("sh", "-c", PIPE_ON_3_AND_4, binary.toString()));
        command.addAll(flags(profile, proxyPort));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        DevTools devTools = new DevTools(process.getInputStream(), process.getOutputStream(),
                "chromium-" + process.pid());
        try {
            JsonObject info = devTools.send("Browser.getVersion", null)
                    .get(startTimeoutMillis, TimeUnit.MILLISECONDS);
            devTools.send("Browser.setDownloadBehavior", new JsonObject().put("behavior", "deny"))
                    .get(startTimeoutMillis, TimeUnit.MILLISECONDS);
            return new Chromium(process, devTools, profile, info.getString("product", "Chromium"));
        } catch (Exception e) {
            devTools.close();
            destroy(process);
            deleteProfile(profile);
            throw new IOException("Chromium at " + binary + " did not start: " + e.getMessage(), e);
        }
    }

    static List<String> flags(Path profile, int proxyPort) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--disable-dev-shm-usage",
                "--remote-debugging-pipe", "--user-data-dir=" + profile,
                "--proxy-server=http://127.0.0.1:" + proxyPort,
                // Loopback goes through the gate too: by default Chromium would connect to it directly.
                "--proxy-bypass-list=<-loopback>",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                // WebRTC may only use the proxy, which carries no UDP: no way around the gate.
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--webrtc-ip-handling-policy=disable_non_proxied_udp",
                // Frames stay in their page's process, so the cookie hook and its binding reach them; the omnibox
                // popup WebUI costs every new context about 100 ms of CPU for nothing.
                "--disable-features=IsolateOrigins,site-per-process,WebUIOmniboxPopup,WebUIOmniboxFullPopup,"
                        + "WebUIOmniboxAimPopup,PreloadTopChromeWebUI,MediaRouter,OptimizationHints,Translate",
                "--disable-site-isolation-trials",
                // No window of its own: each journey opens its page in its own context. The GPU (software, with
                // --disable-gpu) and the network service run in the browser process: three processes fewer, about
                // 300 MB of resident memory less, and nothing a scan sees changes.
                "--no-startup-window", "--in-process-gpu", "--enable-features=NetworkServiceInProcess2");
    }

    DevTools devTools() {
        return devTools;
    }

    String version() {
        return version;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive() && devTools.isOpen();
    }

    @Override
    public void close() {
        if (devTools.isOpen()) {
            try {
                devTools.send("Browser.close", null).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("Browser.close: %s", e.getMessage());
            }
        }
        devTools.close();
        destroy(process);
        deleteProfile(profile);
    }

    /** Ends the browser and every helper process it started. */
    private static void destroy(Process process) {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("profile %s not removed: %s", profile, e.getMessage());
        }
    }
}
