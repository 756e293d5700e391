package dev.akkoord.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** A site's alert settings as owners change them, and its delivery log. */
@ApplicationScoped
public class AlertService {

    private static final int LOG_LENGTH = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertStore store;

    AlertService(AlertStore store) {
        this.store = store;
    }

    public Uni<AlertSettings> settings(UUID siteId) {
        return store.settings(siteId);
    }

    /**
     * Saves the owners' choice. A webhook gets a signing secret when it is first set (or when asked for a new one),
     * keeps it while only the URL changes, and loses it when the webhook is removed.
     */
    public Uni<AlertSettings> save(UUID siteId, AlertSettings chosen, boolean newSecret) {
        String url = webhookUrl(chosen.webhookUrl());
        return store.settings(siteId).flatMap(current -> {
            String secret = url == null ? null
                    : newSecret || current.webhookSecret() == null ? newSecret() : current.webhookSecret();
            AlertSettings saved = new AlertSettings(chosen.newCookies(), chosen.violations(), chosen.unclassified(),
                    chosen.failures(), chosen.byMail(), url, secret);
            return store.saveSettings(siteId, saved).replaceWith(saved);
        });
    }

    public Uni<List<AlertDelivery>> deliveries(UUID siteId) {
        return store.deliveries(siteId, LOG_LENGTH);
    }

    /** Null for none; else an absolute http(s) URL without user info, or a 400 that says what is wrong. */
    static String webhookUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || url.length() > 2000) {
                throw ProblemException.badRequest("The webhook must be an http:// or https:// URL with a host and "
                        + "no user name or password in it, such as https://hooks.example.com/akkoord");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("The webhook is not a URL: " + e.getReason());
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
