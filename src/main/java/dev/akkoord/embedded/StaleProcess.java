package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * A server left running by a previous Akkoord that was killed (kill -9, power loss of the JVM only) still holds the
 * data directory and its port. It is found through its pid file and shut down before a new one starts.
 */
final class StaleProcess {

    private static final Logger LOG = Logger.getLogger(StaleProcess.class);

    private StaleProcess() {
    }

    /**
     * Stops the process named on the first line of {@code pidFile} if it is still alive and runs {@code executable},
     * then removes the pid file.
     */
    static void stopIfRunning(Path pidFile, String executable, String signal) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.contains(executable)).orElse(false));
        if (stale.isPresent()) {
            ProcessHandle process = stale.get();
            LOG.warnf("Stopping %s (pid %d) left running by an earlier start", executable, process.pid());
            signal(process.pid(), signal);
            if (!waitForExit(process, Duration.ofSeconds(30))) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitForExit(process, Duration.ofSeconds(10));
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        }
    }
}
