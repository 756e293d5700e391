package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL programs zonky extracted into a directory of ours (one {@code PG-<hash>} folder per bundled version),
 * for what zonky does not do itself: setting the superuser's password and starting the server again.
 */
final class PostgresBinaries {

    private final Path bin;

    private PostgresBinaries(Path bin) {
        this.bin = bin;
    }

    /** The newest extraction in {@code directory}: the one zonky has just checked or made. */
    static PostgresBinaries in(Path directory) throws IOException {
        try (Stream<Path> versions = Files.list(directory)) {
            Path bin = versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("postgres")))
                    .max(Comparator.comparing(PostgresBinaries::modified))
                    .orElseThrow(() -> new IOException("No PostgreSQL binaries in " + directory));
            return new PostgresBinaries(bin);
        }
    }

    /**
     * PostgreSQL refuses to run as root; as zonky does, a root service runs it in a user namespace of its own
     * ({@code unshare -U}), where it is not root.
     */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
