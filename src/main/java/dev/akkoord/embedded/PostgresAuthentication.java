package dev.akkoord.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Password authentication for the embedded PostgreSQL, applied to its data directory before each start: zonky's
 * initdb trusts every local user, which would make any user of the machine a database superuser.
 */
final class PostgresAuthentication {

    /** Every connection, over TCP or the Unix socket, shows the password; nothing is trusted. */
    static final String PG_HBA = """
            # Written by Akkoord at every start: every connection authenticates with the password in the data directory.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;
    private static final String APPLIED_MARKER = "akkoord-password.sha256";

    private PostgresAuthentication() {
    }

    /**
     * Writes pg_hba.conf and, when the cluster is new or its password is not this one (a cluster made by an Akkoord
     * from before passwords, or a replaced password file), sets the superuser's password in single-user mode, before
     * the server listens to anyone.
     */
    static void apply(Path pgData, PostgresBinaries binaries, String user, String password) throws IOException {
        Files.writeString(pgData.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
        DataDirectory.ownerOnly(pgData.resolve("pg_hba.conf"), "rw-------");
        Path marker = pgData.resolve(APPLIED_MARKER);
        String fingerprint = sha256(password);
        if (Files.exists(marker) && Files.readString(marker).trim().equals(fingerprint)) {
            return;
        }
        setPassword(pgData, binaries, user, password);
        Files.writeString(marker, fingerprint + "\n", StandardCharsets.US_ASCII);
    }

    private static void setPassword(Path pgData, PostgresBinaries binaries, String user, String password)
            throws IOException {
        ProcessBuilder singleUser = new ProcessBuilder(binaries.command("postgres", "--single", "-D", pgData.toString(),
                "-c", "password_encryption=scram-sha-256", "postgres"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = singleUser.start();
        try (OutputStream input = process.getOutputStream()) {
            // Hex secrets and a fixed user name: nothing here needs quoting beyond the literal's quotes.
            input.write(("ALTER ROLE \"" + user + "\" PASSWORD '" + password + "';\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL single-user mode did not finish setting the password");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the PostgreSQL password", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("PostgreSQL single-user mode could not set the password (exit "
                    + process.exitValue() + ")");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
