package dev.akkoord.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.akkoord.web.ApiKeys;
import dev.akkoord.web.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who a bearer token belongs to: the operator (the admin token, compared in constant time) or the holder of one
 * site's API key (looked up by its hash; a revoked key, or the key of a deleted site, is no key).
 */
@ApplicationScoped
class ApiKeyIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    private final byte[] operatorToken;

    ApiKeyIdentities(@ConfigProperty(name = "akkoord.admin-token") Optional<String> operatorToken) {
        this.operatorToken = operatorToken.filter(token -> !token.isBlank())
                .map(token -> token.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (operatorToken != null && MessageDigest.isEqual(operatorToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("operator")).addRole(Caller.OPERATOR).build());
        }
        if (!ApiKeys.looksLikeKey(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an API key"));
        }
        return Panache.withSession(() -> SiteApiKey.<SiteApiKey>find("keyHash = ?1 and revokedAt is null",
                ApiKeys.hash(token)).firstResult()).map(key -> {
            if (key == null) {
                throw new AuthenticationFailedException("unknown or revoked API key");
            }
            return siteKey(key.siteId);
        });
    }

    private static SecurityIdentity siteKey(UUID siteId) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("site:" + siteId))
                .addRole(Caller.SITE_KEY).addAttribute(Caller.SITE_ATTRIBUTE, siteId).build();
    }
}
