package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The operator token generated on first start when AKKOORD_ADMIN_TOKEN is not set. */
final class AdminTokenFile {

    static final String FILE_NAME = "admin-token";

    private AdminTokenFile() {
    }

    static Path readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
            DataDirectory.ownerOnly(file, "rw-------");
        }
        return file;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
