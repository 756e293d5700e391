package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory whose contents belong to one run only: what an earlier, killed run left there is removed first. */
final class ScratchDirectory {

    private ScratchDirectory() {
    }

    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> leftovers = Files.walk(dir)) {
                for (Path path : leftovers.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
        DataDirectory.ownerOnly(dir, "rwx------");
    }
}
