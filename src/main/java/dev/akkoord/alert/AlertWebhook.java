package dev.akkoord.alert;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.scan.crawl.AddressGuard;
import dev.akkoord.web.WebhookSignature;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * POSTs an alert to the site's webhook, signed with the site's secret ({@link WebhookSignature}). The URL is the
 * owner's, so it passes the scanner's address guard and the connection goes to the address vetted (no private
 * addresses unless allow-listed, no second DNS answer); a few attempts with a doubling wait.
 */
@ApplicationScoped
class AlertWebhook {

    static final String EVENT_HEADER = "X-Akkoord-Event";

    private final AddressGuard guard;
    private final AlertConfig config;
    private final WebClient client;

    AlertWebhook(AddressGuard guard, AlertConfig config, Vertx vertx) {
        this.guard = guard;
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(false)
                .setTrustAll(false));
    }

    /** Never fails: the outcome is the delivery's status, attempts and detail. */
    Uni<Sent> post(String url, String secret, String body) {
        return Sent.retried(config, "Alert webhook " + url, () -> attempt(URI.create(url), secret, body));
    }

    private Uni<Void> attempt(URI url, String secret, String body) {
        boolean https = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        return guard.vet(url.getHost()).flatMap(address -> client
                .requestAbs(HttpMethod.POST, SocketAddress.inetSocketAddress(port, address.getHostAddress()),
                        url.toString())
                .timeout(config.webhookTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(EVENT_HEADER, "scan-alert")
                .putHeader(WebhookSignature.HEADER, WebhookSignature.of(secret, body))
                .sendBuffer(Buffer.buffer(body)))
                .ifNoItem().after(config.webhookTimeout()).failWith(() -> new IllegalStateException(
                        "no answer within " + config.webhookTimeout().toMillis() + " ms"))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    return null;
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
