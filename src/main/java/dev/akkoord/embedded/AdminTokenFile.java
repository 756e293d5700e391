package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Path;

/** The operator token generated on first start when AKKOORD_ADMIN_TOKEN is not set. */
final class AdminTokenFile {

    static final String FILE_NAME = "admin-token";

    private AdminTokenFile() {
    }

    static Path readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        SecretFile.readOrCreate(file);
        return file;
    }

    static String read(Path file) throws IOException {
        return SecretFile.readOrCreate(file);
    }
}
