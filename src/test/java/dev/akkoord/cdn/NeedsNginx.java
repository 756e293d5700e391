package dev.akkoord.cdn;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The nginx test skips, loudly, where nginx is not installed; CI installs it and sets {@code
 * AKKOORD_REQUIRE_NGINX=true}, so that there a missing nginx fails instead.
 */
final class NeedsNginx {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private NeedsNginx() {
    }

    static void check() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "\n\n*** SKIPPED: no nginx at " + BINARY + " (install Debian's nginx); the README's nginx "
                + "configuration is NOT tested on this machine ***\n";
        if ("true".equals(System.getenv("AKKOORD_REQUIRE_NGINX"))) {
            fail(message + "AKKOORD_REQUIRE_NGINX=true: nginx is required here");
        }
        System.err.println(message);
        Assumptions.assumeTrue(false, message);
    }
}
