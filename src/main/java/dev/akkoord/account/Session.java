package dev.akkoord.account;

/** A signed-in browser: the account and the synchronizer token its forms must carry. */
public record Session(String idHash, Account account, String csrfToken) {
}
