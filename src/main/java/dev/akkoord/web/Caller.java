package dev.akkoord.web;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling the API, as {@link BearerAuthentication} and the identity provider of the site package established
 * it: the operator, the holder of one site's API key, or nobody known.
 */
public record Caller(Kind kind, UUID siteId) {

    /** The role of the operator token; resources that only the operator may use say {@code @RolesAllowed(OPERATOR)}. */
    public static final String OPERATOR = "operator";
    /** The role of a site's API key. */
    public static final String SITE_KEY = "site-key";
    /** The identity's attribute that holds a site key's site id. */
    public static final String SITE_ATTRIBUTE = "akkoord.site-id";
    /** The permission asked for with {@code @PermissionsAllowed(SITE)}: access to the path's {@code siteId}. */
    public static final String SITE = "site";

    public enum Kind {
        OPERATOR, SITE_KEY, ANONYMOUS
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(Kind.ANONYMOUS, null);
        }
        if (identity.hasRole(OPERATOR)) {
            return new Caller(Kind.OPERATOR, null);
        }
        UUID site = identity.getAttribute(SITE_ATTRIBUTE);
        return site == null ? new Caller(Kind.ANONYMOUS, null) : new Caller(Kind.SITE_KEY, site);
    }

    /** The operator reaches every site, a site key only its own. */
    public boolean reaches(UUID site) {
        return kind == Kind.OPERATOR || kind == Kind.SITE_KEY && siteId.equals(site);
    }
}
