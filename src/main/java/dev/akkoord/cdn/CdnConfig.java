package dev.akkoord.cdn;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** A CDN or caching proxy in front of the banner: where to tell it that a site's banner changed. */
@ConfigMapping(prefix = "akkoord.cdn")
public interface CdnConfig {

    /** An http(s) URL that gets a JSON POST when a site's banner version changes; unset: no webhook. */
    Optional<String> purgeWebhook();

    /** When set, each POST carries {@code X-Akkoord-Signature: sha256=<hex HMAC-SHA256 of the body>}. */
    Optional<String> purgeSecret();

    /** Longest wait for one attempt's answer. */
    @WithDefault("5s")
    Duration purgeTimeout();

    /** Attempts per change, the first included. */
    @WithDefault("4")
    int purgeAttempts();

    /** Wait before the second attempt; it doubles for each further one. */
    @WithDefault("2s")
    Duration purgeBackoff();
}
