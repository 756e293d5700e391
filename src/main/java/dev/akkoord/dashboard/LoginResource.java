package dev.akkoord.dashboard;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.account.AccountService;
import dev.akkoord.account.SessionStore;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Signing in. Everything after it is behind {@link DashboardGuard}. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public final class LoginResource {

    private static final String HOME = "/dashboard/sites";
    /** Only paths inside the dashboard: an open redirect would let a phishing link borrow our sign-in page. */
    private static final Pattern SAFE_NEXT = Pattern.compile("/dashboard(/[A-Za-z0-9/_.-]*)?(\\?[A-Za-z0-9=&%._:+-]*)?");

    private final AccountService accounts;
    private final SessionStore sessions;
    private final LoginCsrf loginCsrf;
    private final LoginThrottle throttle;

    LoginResource(AccountService accounts, SessionStore sessions, LoginCsrf loginCsrf, LoginThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.loginCsrf = loginCsrf;
        this.throttle = throttle;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(HOME)).build();
    }

    @GET
    @Path("/login")
    public Uni<Response> loginForm(@RestCookie(SessionCookies.SESSION) String session,
            @RestCookie(SessionCookies.PRE_LOGIN) String preLogin, @RestQuery String next,
            HttpServerRequest request) {
        return sessions.find(session).map(live -> live != null
                ? Response.seeOther(URI.create(safeNext(next))).build()
                : form(200, preLogin, "", next, null, request));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> login(@RestForm String email, @RestForm String password, @RestForm("_csrf") String csrf,
            @RestForm String next, @RestCookie(SessionCookies.PRE_LOGIN) String preLogin,
            HttpServerRequest request) {
        if (!loginCsrf.matches(preLogin, csrf)) {
            return Uni.createFrom().item(form(403, null, email, next,
                    "The sign-in form expired. Please enter your details again.", request));
        }
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        return throttle.attempt(address, email)
                .flatMap(ignored -> accounts.authenticate(email, password))
                .flatMap(account -> {
                    if (account == null) {
                        return throttle.failed(email).map(ignored -> form(401, preLogin, email, next,
                                "The e-mail address or password is not right.", request));
                    }
                    return sessions.create(account).map(created -> Response
                            .seeOther(URI.create(account.mustChangePassword() ? "/dashboard/account" : safeNext(next)))
                            .cookie(SessionCookies.session(created.cookieValue(), request),
                                    SessionCookies.cleared(SessionCookies.PRE_LOGIN, request))
                            .build());
                })
                .onFailure(ProblemException.class).recoverWithItem(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    Response page = form(problem.status(), preLogin, email, next, problem.status() == 429
                            ? "Too many sign-in attempts. Wait " + problem.extra().get("retryAfter")
                                    + " seconds and try again."
                            : problem.getMessage(), request);
                    Object retryAfter = problem.extra().get("retryAfter");
                    return retryAfter == null ? page
                            : Response.fromResponse(page).header("Retry-After", retryAfter.toString()).build();
                });
    }

    private Response form(int status, String preLogin, String email, String next, String error,
            HttpServerRequest request) {
        String cookie = preLogin != null && preLogin.length() >= 32 ? preLogin : SessionStore.randomId();
        String html = Templates.login(Page.signedOut("Sign in"), loginCsrf.tokenFor(cookie), email == null ? "" : email,
                next == null ? "" : next, error).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .cookie(SessionCookies.preLogin(cookie, request)).build();
    }

    static String safeNext(String next) {
        return next != null && SAFE_NEXT.matcher(next).matches() && !next.contains("//") ? next : HOME;
    }
}
