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
        delete(dir);
        Files.createDirectories(dir);
        DataDirectory.ownerOnly(dir, "rwx------");
    }

    /** {@code path} and everything below it, if it exists. */
    static void delete(Path path) throws IOException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }
}
