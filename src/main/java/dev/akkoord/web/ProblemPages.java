package dev.akkoord.web;

import jakarta.ws.rs.core.Response;

/**
 * Pages for people rather than programs (the dashboard) render a problem as HTML. A bean of this type claims its
 * paths; {@link ProblemMappers} asks it for the failures that reach the last-resort mappers there.
 */
public interface ProblemPages {

    /** Whether a request for {@code path} (for example {@code /dashboard/sites}) is answered with a page. */
    boolean serves(String path);

    /** The page for {@code problem}, with its status and, where it has one, its Retry-After. */
    Response page(ProblemException problem);
}
