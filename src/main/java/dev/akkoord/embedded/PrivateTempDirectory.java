package dev.akkoord.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * The service's temp directory is {@code <data-dir>/tmp/<pid>}, not the machine's: what the JVM and its libraries
 * unpack there (Netty's native libraries, Vert.x' file cache, uploads, zonky's scripts) is removed when a later start
 * finds its process gone, so an instance killed with kill -9 leaves nothing behind for long. One directory per process,
 * because instances may share a data directory.
 */
final class PrivateTempDirectory {

    private static final Logger LOG = Logger.getLogger(PrivateTempDirectory.class);

    private PrivateTempDirectory() {
    }

    /** Before anything reads {@code java.io.tmpdir}: the JDK and Netty keep the first value they see. */
    static Path apply(Path dataDir) {
        Path root = dataDir.resolve("tmp");
        try {
            DataDirectory.create(dataDir);
            Files.createDirectories(root);
            removeThoseOfDeadProcesses(root);
            Path own = root.resolve(Long.toString(ProcessHandle.current().pid()));
            ScratchDirectory.recreate(own);
            System.setProperty("java.io.tmpdir", own.toString());
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the temp directory in " + root, e);
        }
    }

    private static void removeThoseOfDeadProcesses(Path root) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> children = Files.list(root)) {
            leftovers = children.filter(child -> !ownedByALiveProcess(child)).toList();
        }
        for (Path leftover : leftovers) {
            LOG.infof("Removing %s, left by an instance that is gone", leftover);
            ScratchDirectory.delete(leftover);
        }
    }

    private static boolean ownedByALiveProcess(Path child) {
        try {
            long pid = Long.parseLong(child.getFileName().toString());
            return pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
