package dev.akkoord.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import dev.akkoord.account.AccountService;
import dev.akkoord.account.Session;
import dev.akkoord.account.SessionStore;
import io.smallrye.mutiny.Uni;

/**
 * The one gate in front of every {@link SignedIn} dashboard resource, so no page can forget a check:
 * <ol>
 * <li>a live session, else a redirect to the sign-in page (or 401 for scripts);</li>
 * <li>an account that still has to set its password may only do that;</li>
 * <li>every unsafe request carries the session's synchronizer token (form field {@value #CSRF_FIELD} or header
 * {@value #CSRF_HEADER});</li>
 * <li>{@link OperatorOnly} actions are for operators;</li>
 * <li>any {@code {siteId}} in the path must be granted to an owner; otherwise the site does not exist for them.</li>
 * </ol>
 */
public class DashboardGuard {

    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> BEFORE_SETUP = Set.of("/dashboard/account", "/dashboard/logout");

    private final SessionStore sessions;
    private final AccountService accounts;
    private final CurrentSession current;
    private final ErrorPages errors;

    DashboardGuard(SessionStore sessions, AccountService accounts, CurrentSession current, ErrorPages errors) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.current = current;
        this.errors = errors;
    }

    @SignedIn
    @WithFormRead
    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext context, ServerRequestContext request, ResourceInfo resource) {
        Cookie cookie = context.getCookies().get(SessionCookies.SESSION);
        return sessions.find(cookie == null ? null : cookie.getValue())
                .flatMap(session -> session == null ? Uni.createFrom().item(signInFirst(context))
                        : admit(context, request, resource, session));
    }

    private Uni<Response> admit(ContainerRequestContext context, ServerRequestContext request, ResourceInfo resource,
            Session session) {
        String path = context.getUriInfo().getPath();
        boolean unsafe = !SAFE_METHODS.contains(context.getMethod());
        if (unsafe && !csrfMatches(context, request, session.csrfToken())) {
            return Uni.createFrom().item(errors.page(403, "Form expired",
                    "This form was not sent from your current dashboard session. Go back, reload the page and "
                            + "try again."));
        }
        if (session.account().mustChangePassword() && !BEFORE_SETUP.contains(path)) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/dashboard/account")).build());
        }
        if (operatorOnly(resource) && !session.account().isOperator()) {
            return Uni.createFrom().item(errors.page(403, "Operators only",
                    "Only an operator account may do this."));
        }
        current.set(session);
        String siteParameter = context.getUriInfo().getPathParameters().getFirst("siteId");
        if (siteParameter == null) {
            return Uni.createFrom().nullItem();
        }
        UUID siteId;
        try {
            siteId = UUID.fromString(siteParameter);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(noSuchSite());
        }
        return accounts.mayAccess(session.account(), siteId).map(allowed -> allowed ? null : noSuchSite());
    }

    private Response noSuchSite() {
        // The same answer as for a site that does not exist: an owner learns nothing about other sites.
        return errors.page(404, "No such site", "There is no site with this id among your sites.");
    }

    private Response signInFirst(ContainerRequestContext context) {
        if (!"GET".equals(context.getMethod())) {
            return errors.page(401, "Signed out", "Your session has ended. Sign in again and repeat the action.");
        }
        String target = context.getUriInfo().getRequestUri().getRawPath();
        String query = context.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            target += "?" + query;
        }
        return Response.seeOther(URI.create("/dashboard/login?next="
                + URLEncoder.encode(target, StandardCharsets.UTF_8))).build();
    }

    private static boolean csrfMatches(ContainerRequestContext context, ServerRequestContext server, String expected) {
        String given = context.getHeaderString(CSRF_HEADER);
        if (given == null && server instanceof ResteasyReactiveRequestContext request) {
            Object field = request.getFormParameter(CSRF_FIELD, true, false);
            given = field instanceof FormValue value ? value.getValue() : field == null ? null : field.toString();
        }
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean operatorOnly(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(OperatorOnly.class)
                || resource.getResourceClass().isAnnotationPresent(OperatorOnly.class);
    }
}
