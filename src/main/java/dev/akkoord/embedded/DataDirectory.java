package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

final class DataDirectory {

    private DataDirectory() {
    }

    static void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
    }

    /** Consent evidence and the operator token live here: nobody but the service user should read them. */
    static void ownerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: keep the platform's defaults.
        }
    }
}
