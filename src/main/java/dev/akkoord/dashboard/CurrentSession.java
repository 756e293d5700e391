package dev.akkoord.dashboard;

import jakarta.enterprise.context.RequestScoped;

import dev.akkoord.account.Account;
import dev.akkoord.account.Session;

/** The session {@link DashboardGuard} resolved for this request. */
@RequestScoped
public class CurrentSession {

    private Session session;

    void set(Session session) {
        this.session = session;
    }

    public Session session() {
        if (session == null) {
            throw new IllegalStateException("Only resources marked @SignedIn have a session");
        }
        return session;
    }

    public Account account() {
        return session().account();
    }

    public String csrf() {
        return session().csrfToken();
    }
}
