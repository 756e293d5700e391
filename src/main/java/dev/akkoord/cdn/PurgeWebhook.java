package dev.akkoord.cdn;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.akkoord.site.BannerChanged;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * POSTs a {@link PurgeNotice} to {@code akkoord.cdn.purge-webhook} when a site's banner changes, so a CDN in front
 * drops its copies at once instead of after their max-age. Off the owner's path: the change has committed and is
 * answered whatever the webhook does; a few attempts with a doubling wait, then one WARN line.
 */
@ApplicationScoped
@Startup // a malformed URL stops the start, not the first change
public class PurgeWebhook {

    private static final Logger LOG = Logger.getLogger(PurgeWebhook.class);
    /** A little past the spread, so the CDN's refetch cannot reach an instance that still serves the old version. */
    private static final Duration FIRST_ATTEMPT_AFTER = BannerChanged.SERVED_EVERYWHERE_WITHIN.plusMillis(250);

    private final CdnConfig config;
    private final Optional<URI> target;
    private final WebClient client;

    PurgeWebhook(CdnConfig config, Vertx vertx) {
        this.config = config;
        this.target = config.purgeWebhook().map(PurgeWebhook::checked);
        this.client = target.isEmpty() ? null
                : WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(false));
    }

    void onBannerChanged(@Observes BannerChanged change) {
        if (target.isEmpty()) {
            return;
        }
        try {
            String body = PurgeNotice.body(change);
            Uni.createFrom().voidItem()
                    .onItem().delayIt().by(FIRST_ATTEMPT_AFTER)
                    .chain(() -> withRetries(Uni.createFrom().deferred(() -> post(target.get(), body))))
                    .subscribe().with(sent -> LOG.debugf("CDN purge sent for site %s, version %s", change.siteId(),
                            change.version()),
                            failure -> warn(change, failure));
        } catch (RuntimeException e) {
            // The owner's change has committed: nothing here may turn it into an error.
            warn(change, e);
        }
    }

    private Uni<Void> withRetries(Uni<Void> attempt) {
        int retries = config.purgeAttempts() - 1;
        return retries < 1 ? attempt
                : attempt.onFailure().retry().withBackOff(config.purgeBackoff(), config.purgeBackoff().multipliedBy(8))
                        .atMost(retries);
    }

    private Uni<Void> post(URI uri, String body) {
        HttpRequest<Buffer> request = client.postAbs(uri.toString())
                .timeout(config.purgeTimeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
        config.purgeSecret().ifPresent(secret -> request.putHeader(PurgeNotice.SIGNATURE_HEADER,
                PurgeNotice.signature(secret, body)));
        return request.sendBuffer(Buffer.buffer(body))
                // the client's timeout is per silence; this bounds the whole attempt
                .ifNoItem().after(config.purgeTimeout()).failWith(() -> new IllegalStateException(
                        "no answer within " + config.purgeTimeout().toMillis() + " ms"))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    return null;
                });
    }

    private void warn(BannerChanged change, Throwable failure) {
        LOG.warnf("CDN purge webhook failed for site %s (banner version %s) after %d attempts: %s; cached copies "
                + "expire by their max-age", change.siteId(), change.version(), config.purgeAttempts(),
                failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }

    private static URI checked(String url) {
        URI uri = URI.create(url.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("akkoord.cdn.purge-webhook must be an http(s) URL, not " + url);
        }
        return uri;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
