package dev.akkoord.dashboard;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.RestPath;

import dev.akkoord.account.Account;
import dev.akkoord.account.AccountService;
import dev.akkoord.account.Role;
import dev.akkoord.site.SiteService;
import dev.akkoord.site.SiteView;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Operators manage accounts and which sites each owner may see. */
@Path("/dashboard/accounts")
@SignedIn
@OperatorOnly
@Produces(MediaType.TEXT_HTML)
public final class AccountsResource {

    private final AccountService accounts;
    private final SiteService sites;
    private final CurrentSession current;

    private final ErrorPages errors;

    AccountsResource(AccountService accounts, SiteService sites, CurrentSession current, ErrorPages errors) {
        this.accounts = accounts;
        this.sites = sites;
        this.current = current;
        this.errors = errors;
    }

    @GET
    public Uni<Response> listAccounts() {
        return page(200, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createAccount(@RestForm String email, @RestForm String role, @RestForm String password) {
        Role chosen = "operator".equals(role) ? Role.OPERATOR : Role.OWNER;
        return Uni.createFrom().deferred(() -> accounts.createAccount(email, chosen, password))
                .flatMap(account -> page(200, null, "Account " + account.email() + " added."))
                .onFailure(ProblemException.class).recoverWithUni(failure -> page(
                        ((ProblemException) failure).status(), failure.getMessage(), null));
    }

    @POST
    @Path("/{accountId}/sites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> grantSite(@RestPath UUID accountId, @RestForm UUID siteId) {
        if (siteId == null) {
            return page(400, "Choose a site", null);
        }
        return accounts.grant(accountId, siteId).map(ignored -> backToList());
    }

    @POST
    @Path("/{accountId}/sites/{siteId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revokeSite(@RestPath UUID accountId, @RestPath UUID siteId, @RestForm String confirm) {
        if (!Confirmation.given(confirm)) {
            return Uni.createFrom().item(new Confirmation("Take this site from the account?", "The account's owner "
                    + "no longer sees the site in the dashboard, nor gets its alerts. You can give it back at any time.",
                    "/dashboard/accounts/" + accountId + "/sites/" + siteId + "/revoke", "Take the site away",
                    "/dashboard/accounts").page(accountsPage()));
        }
        return accounts.revoke(accountId, siteId).map(ignored -> backToList());
    }

    @POST
    @Path("/{accountId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteAccount(@RestPath UUID accountId, @RestForm String confirm) {
        if (accountId.equals(current.account().id())) {
            return page(400, "You cannot delete your own account while signed in with it.", null);
        }
        if (!Confirmation.given(confirm)) {
            return Uni.createFrom().item(new Confirmation("Delete this account?", "It cannot sign in any more and "
                    + "its access to sites goes with it; this cannot be undone. Sites and consent records stay.",
                    "/dashboard/accounts/" + accountId + "/delete", "Delete the account", "/dashboard/accounts")
                    .page(accountsPage()));
        }
        return accounts.deleteAccount(accountId).map(ignored -> backToList());
    }

    private Page accountsPage() {
        return new Page("Accounts", current.account(), current.csrf(), null, "accounts");
    }

    private Uni<Response> page(int status, String error, String created) {
        return Uni.combine().all().unis(accounts.listAccounts(), sites.listSites()).asTuple()
                .flatMap(found -> grantsOf(found.getItem1(), found.getItem2()).map(grants -> Html.status(status,
                        Templates.accounts(accountsPage(),
                                found.getItem1(), found.getItem2(), grants, error, created).render())));
    }

    private Uni<Map<UUID, List<SiteView>>> grantsOf(List<Account> all, List<SiteView> siteList) {
        return Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(account -> accounts.grantedSites(account.id())
                        .map(granted -> Map.entry(account.id(),
                                siteList.stream().filter(site -> granted.contains(site.id())).toList())))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(HashMap::new);
    }

    private static Response backToList() {
        return Response.seeOther(URI.create("/dashboard/accounts")).build();
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
