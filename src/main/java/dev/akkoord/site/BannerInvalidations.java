package dev.akkoord.site;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Tells every instance that a site's banner changed, through a Redis channel, so an instance that answers the banner
 * from memory serves the change at once, not after its version check comes round. Redis being away costs only that:
 * each instance still sees a new version within {@link BannerVersions#MAX_AGE}, and the subscription comes back.
 */
@ApplicationScoped
public class BannerInvalidations {

    private static final Logger LOG = Logger.getLogger(BannerInvalidations.class);
    private static final String CHANNEL = "akkoord:banner-changed";

    private final ReactivePubSubCommands<String> pubsub;
    private final BannerVersions versions;
    private final Event<BannerInvalidated> invalidated;
    private volatile Cancellable listening;

    BannerInvalidations(ReactiveRedisDataSource redis, BannerVersions versions, Event<BannerInvalidated> invalidated) {
        this.pubsub = redis.pubsub(String.class);
        this.versions = versions;
        this.invalidated = invalidated;
    }

    void listen(@Observes StartupEvent started) {
        listening = pubsub.subscribe(CHANNEL)
                // a closed connection ends the stream without failure: subscribe again all the same
                .onCompletion().failWith(() -> new IllegalStateException("the subscription ended"))
                .onFailure().invoke(failure -> LOG.debugf("Banner change channel lost: %s", failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(this::heard);
    }

    /** Unsubscribes while the container is still up; left to the closing connection, the clean-up fails noisily. */
    void stop(@Observes ShutdownEvent stopping) {
        Cancellable subscription = listening;
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** After a committed change: this instance forgets at once, the others when the word arrives. */
    Uni<Void> announce(UUID siteId) {
        forget(siteId);
        return pubsub.publish(CHANNEL, siteId.toString()).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Banner change not announced: %s", failure.getMessage());
                    return null;
                });
    }

    private void heard(String message) {
        try {
            forget(UUID.fromString(message));
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignored a malformed banner change message: %s", message);
        }
    }

    private void forget(UUID siteId) {
        versions.forget(siteId);
        invalidated.fire(new BannerInvalidated(siteId));
    }
}
