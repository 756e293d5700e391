package dev.akkoord.dashboard;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.account.Account;
import dev.akkoord.account.AccountService;
import dev.akkoord.account.SessionStore;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * One's own account: e-mail and password (forced on first sign-in of the bootstrap {@code admin} and of accounts
 * made with a temporary password), and signing out.
 */
@Path("/dashboard")
@SignedIn
@Produces(MediaType.TEXT_HTML)
public final class AccountResource {

    private final AccountService accounts;
    private final SessionStore sessions;
    private final CurrentSession current;

    private final ErrorPages errors;

    AccountResource(AccountService accounts, SessionStore sessions, CurrentSession current, ErrorPages errors) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.current = current;
        this.errors = errors;
    }

    @GET
    @Path("/account")
    public Response accountForm() {
        return form(200, null);
    }

    @POST
    @Path("/account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveAccount(@RestForm String email, @RestForm String currentPassword,
            @RestForm String newPassword, @RestForm String confirmPassword, HttpServerRequest request) {
        Account account = current.account();
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            return Uni.createFrom().item(form(400, "The new password and its confirmation differ."));
        }
        Uni<Boolean> allowed = account.mustChangePassword() ? Uni.createFrom().item(true)
                : accounts.authenticate(account.email(), currentPassword).map(found -> found != null);
        return allowed.flatMap(ok -> {
            if (!ok) {
                return Uni.createFrom().item(form(400, "Your current password is not right."));
            }
            // A new password ends every other session of the account, wherever it was opened.
            return accounts.setCredentials(account, email, newPassword)
                    .call(updated -> sessions.deleteAll(updated.id()))
                    .flatMap(sessions::create)
                    .map(created -> Response.seeOther(URI.create("/dashboard/sites"))
                            .cookie(SessionCookies.session(created.cookieValue(), request)).build());
        }).onFailure(ProblemException.class).recoverWithItem(failure -> form(
                ((ProblemException) failure).status(), failure.getMessage()));
    }

    @POST
    @Path("/logout")
    public Uni<Response> logout(HttpServerRequest request) {
        return sessions.delete(current.session().idHash()).map(ignored -> Response
                .seeOther(URI.create("/dashboard/login"))
                .cookie(SessionCookies.cleared(SessionCookies.SESSION, request)).build());
    }

    private Response form(int status, String error) {
        Account account = current.account();
        String title = account.mustChangePassword() ? "Set your e-mail and password" : "Your account";
        boolean bootstrap = !account.email().contains("@");
        String html = Templates.account(new Page(title, account, current.csrf(), null, "account"),
                bootstrap ? "" : account.email(), error).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
