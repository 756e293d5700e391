package dev.akkoord.testsupport;

import java.time.Duration;

/** Polling until something holds, for tests that wait on other threads, processes or servers. */
public final class Waits {

    /** A condition that may fail on its way (a log file not yet written, a server not answering). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Waits() {
    }

    /** Polls {@code condition} every 50 ms; fails naming {@code what} once {@code timeout} has passed. */
    public static void until(String what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("Failed while waiting for " + what, e);
        }
    }
}
