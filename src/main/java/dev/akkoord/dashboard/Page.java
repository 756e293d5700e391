package dev.akkoord.dashboard;

import dev.akkoord.account.Account;
import dev.akkoord.site.SiteView;

/**
 * What the layout of every dashboard page needs: the title, who is signed in (null on the sign-in page), the form
 * token, and the site being looked at with the section of it (for the navigation).
 */
public record Page(String title, Account account, String csrf, SiteView site, String section) {

    static Page signedOut(String title) {
        return new Page(title, null, null, null, null);
    }

    public boolean isSection(String name) {
        return name.equals(section);
    }
}
