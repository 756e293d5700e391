package dev.akkoord.dashboard;

import jakarta.ws.rs.core.Response;

/**
 * The second step of a destructive action (revoking a key, deleting an account, taking a site from an owner): the
 * action is done only when its form says {@code confirm=yes}. With JavaScript a dialog adds it (forms with
 * {@code data-confirm}); without, the first POST answers this page, which asks and posts again.
 *
 * @param question    what is about to happen, as a question
 * @param consequence what cannot be undone, or what follows
 * @param action      the form's target, the same the first POST went to
 * @param button      the confirming button's words
 * @param cancel      where "Cancel" leads
 */
record Confirmation(String question, String consequence, String action, String button, String cancel) {

    static final String CONFIRMED = "yes";

    static boolean given(String confirm) {
        return CONFIRMED.equals(confirm);
    }

    Response page(Page page) {
        return Html.status(200, Templates.confirm(page, this).render());
    }
}
