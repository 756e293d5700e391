package dev.akkoord.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The one gate of the API: reads {@code Authorization: Bearer <token>} and hands the token to the identity provider
 * (the site package's, which knows the operator token and the sites' keys). A request without a bearer token is
 * anonymous; the resources' {@code @RolesAllowed} and {@code @PermissionsAllowed} decide what that may do. Only
 * {@code /api/} paths are read: the dashboard signs in with its own session cookie ({@code DashboardGuard}), and a
 * header sent there means nothing.
 */
@ApplicationScoped
public final class BearerAuthentication implements HttpAuthenticationMechanism {

    private static final String API = "/api/";
    private static final String BEARER = "Bearer ";
    private static final ChallengeData CHALLENGE = new ChallengeData(401, "WWW-Authenticate", "Bearer");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.normalizedPath().startsWith(API)) {
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        TokenCredential token = new TokenCredential(header.substring(BEARER.length()).trim(), "bearer");
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(token), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
