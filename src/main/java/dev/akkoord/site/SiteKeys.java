package dev.akkoord.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.web.ApiKeys;
import dev.akkoord.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A site's API keys one by one, for the dashboard: list them, add one, revoke one. */
@ApplicationScoped
public class SiteKeys {

    /** A key as listed; the secret itself is never shown again after it was issued. */
    public record KeyInfo(UUID id, String label, Instant createdAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    @WithSession
    public Uni<List<KeyInfo>> listKeys(UUID siteId) {
        return SiteApiKey.<SiteApiKey>list("siteId = ?1 order by createdAt desc", siteId)
                .map(keys -> keys.stream().map(k -> new KeyInfo(k.id, k.label, k.createdAt, k.revokedAt)).toList());
    }

    /** Issues an extra key; the answer is the secret, returned this once. */
    @WithTransaction
    public Uni<String> createKey(UUID siteId, String label) {
        String clean = label == null || label.isBlank() ? "added in the dashboard" : label.trim();
        if (clean.length() > 100) {
            throw ProblemException.badRequest("A key's label may have at most 100 characters");
        }
        String secret = ApiKeys.newKey();
        SiteApiKey key = new SiteApiKey();
        key.id = UUID.randomUUID();
        key.siteId = siteId;
        key.keyHash = ApiKeys.hash(secret);
        key.label = clean;
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return key.persist().replaceWith(secret);
    }

    @WithTransaction
    public Uni<Void> revokeKey(UUID siteId, UUID keyId) {
        return SiteApiKey.update("revokedAt = ?1 where id = ?2 and siteId = ?3 and revokedAt is null",
                Instant.now().truncatedTo(ChronoUnit.MICROS), keyId, siteId).replaceWithVoid();
    }
}
