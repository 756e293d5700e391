package dev.akkoord.web;

import java.util.UUID;

/** Who is calling the API: the operator, the holder of one site's API key, or nobody known. */
public record Caller(Kind kind, UUID siteId) {

    public enum Kind {
        OPERATOR, SITE_KEY, ANONYMOUS
    }

    static final Caller OPERATOR = new Caller(Kind.OPERATOR, null);
    static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null);

    static Caller siteKey(UUID siteId) {
        return new Caller(Kind.SITE_KEY, siteId);
    }

    public boolean isOperator() {
        return kind == Kind.OPERATOR;
    }

    /** @throws ProblemException 401 without credentials, 403 for another site's key */
    public Caller requireSite(UUID site) {
        requireAuthenticated();
        if (kind == Kind.SITE_KEY && !siteId.equals(site)) {
            throw ProblemException.forbidden("This API key belongs to another site");
        }
        return this;
    }

    /** @throws ProblemException 401 without credentials, 403 for a site key */
    public Caller requireOperator() {
        requireAuthenticated();
        if (kind != Kind.OPERATOR) {
            throw ProblemException.forbidden("Only the operator may do this");
        }
        return this;
    }

    private void requireAuthenticated() {
        if (kind == Kind.ANONYMOUS) {
            throw new ProblemException(401, "Unauthorized",
                    "Send 'Authorization: Bearer <token>' with the operator token or the site's API key");
        }
    }
}
