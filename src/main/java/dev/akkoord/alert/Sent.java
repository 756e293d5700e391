package dev.akkoord.alert;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** How one delivery went: its status, how many attempts it took, and why it failed. */
record Sent(String status, int attempts, String detail) {

    private static final Logger LOG = Logger.getLogger(Sent.class);

    /**
     * Runs {@code attempt} until it succeeds or {@code akkoord.alerts.attempts} are spent, waiting longer each time;
     * never fails: a delivery that did not get through is a {@code failed} outcome, with one WARN line naming
     * {@code what}.
     */
    static Uni<Sent> retried(AlertConfig config, String what, Supplier<Uni<?>> attempt) {
        AtomicInteger attempts = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return attempt.get();
                })
                .onFailure().retry().withBackOff(config.backoff(), config.backoff().multipliedBy(8))
                .atMost(Math.max(0, config.attempts() - 1))
                .map(done -> new Sent(AlertDelivery.SENT, attempts.get(), null))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s failed after %d attempts: %s", what, attempts.get(), failure.getMessage());
                    return new Sent(AlertDelivery.FAILED, attempts.get(), String.valueOf(failure.getMessage()));
                });
    }
}
