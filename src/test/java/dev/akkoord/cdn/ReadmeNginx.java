package dev.akkoord.cdn;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.akkoord.testsupport.Waits;

/**
 * nginx running the README's own configuration (the block between its {@code nginx-config} markers), so the
 * documented configuration is the tested one. Only the listen address, the upstream and the cache directory are
 * swapped for the test's; each must appear exactly once, so a README edit that moves them fails here.
 */
final class ReadmeNginx implements AutoCloseable {

    private static final Path README = Path.of("README.md");
    private static final String BEGIN = "<!-- nginx-config-begin -->\n```nginx\n";
    private static final String END = "```\n<!-- nginx-config-end -->";
    /** The first fields of nginx's cache file header (ngx_http_file_cache_header_t) on a 64-bit build. */
    private static final long CACHE_FILE_VERSION = 5;
    private static final int VALID_SEC_OFFSET = 8;

    private final Path dir;
    private final Path cache;
    private final int port;
    private final Process process;

    private ReadmeNginx(Path dir, Path cache, int port, Process process) {
        this.dir = dir;
        this.cache = cache;
        this.port = port;
        this.process = process;
    }

    /** Starts nginx with the README's configuration on a free loopback port, in front of {@code upstreamPort}. */
    static ReadmeNginx start(int upstreamPort) throws IOException {
        Path dir = Files.createTempDirectory("akkoord-nginx");
        Path cache = dir.resolve("cache");
        int port = freePort();
        String documented = documented();
        String config = replaceOnce(documented, "listen 80;", "listen 127.0.0.1:" + port + ";");
        config = replaceOnce(config, "server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
        config = replaceOnce(config, "/var/cache/nginx/akkoord", cache.toString());
        // Workers of a root master run as nobody unless told otherwise; the temp directory is root's alone.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String temp = dir.toString();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, user + """
                worker_processes 1;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client-body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(temp, config));
        Process process = new ProcessBuilder(NeedsNginx.BINARY.toString(), "-p", temp, "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString(),
                "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        ReadmeNginx nginx = new ReadmeNginx(dir, cache, port, process);
        try {
            Waits.until("nginx listening on " + port + " (" + dir + ")", Duration.ofSeconds(10), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx exited: " + nginx.logs());
                }
                return accepts(port);
            });
        } catch (AssertionError e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    int port() {
        return port;
    }

    /**
     * Moves every cached answer's expiry {@code age} into the past, in nginx's cache files: what waiting out their
     * max-age would do, without the wait. nginx reads this header at each request.
     */
    void ageCache(Duration age) throws IOException {
        long expiredAt = System.currentTimeMillis() / 1000 - age.toSeconds();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(cache)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        if (files.isEmpty()) {
            throw new AssertionError("nothing in nginx's cache at " + cache);
        }
        for (Path file : files) {
            try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
                ByteBuffer version = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
                open.getChannel().read(version, 0);
                if (version.getLong(0) != CACHE_FILE_VERSION) {
                    throw new AssertionError("nginx's cache file format changed (version " + version.getLong(0)
                            + " in " + file + "): update ReadmeNginx.ageCache");
                }
                ByteBuffer validSec = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, expiredAt);
                open.getChannel().write(validSec, VALID_SEC_OFFSET);
            }
        }
    }

    String logs() {
        try {
            return Files.readString(dir.resolve("error.log")) + Files.readString(dir.resolve("stdout.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String documented() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new AssertionError("README.md has no nginx block between the nginx-config markers");
        }
        return readme.substring(begin + BEGIN.length(), end);
    }

    private static String replaceOnce(String text, String documented, String tested) {
        int first = text.indexOf(documented);
        if (first < 0 || text.indexOf(documented, first + 1) >= 0) {
            throw new AssertionError("the README's nginx block must contain '" + documented + "' exactly once");
        }
        return text.replace(documented, tested);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
