package dev.akkoord.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The packaged platform started as a separate process, the way an operator runs it, on free ports of its own (the
 * API's and the management interface's, where readiness is asked): two of them run side by side.
 */
final class PlatformProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    final int port;
    private final int managementPort;

    private PlatformProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    static PlatformProcess start(Path log, Map<String, String> environment) throws IOException, InterruptedException {
        String jar = System.getProperty("akkoord.jar", "target/quarkus-app/quarkus-run.jar");
        int port = FreePort.onLoopback();
        int managementPort = FreePort.onLoopback();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar);
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("AKKOORD_"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        PlatformProcess platform = new PlatformProcess(builder.start(), port, managementPort, log);
        platform.awaitReady(Duration.ofSeconds(120));
        return platform;
    }

    /** The last lines the platform wrote, for a failure message that says why. */
    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Health and metrics, on the management interface. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    long pid() {
        return process.pid();
    }

    /** Like a power cut of the JVM alone: no shutdown hooks run. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("The platform exited with " + process.exitValue() + "; the end of its log:\n"
                        + logTail(40));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl("/q/health/ready")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("The platform was not ready within " + timeout);
    }
}
