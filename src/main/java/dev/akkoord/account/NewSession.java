package dev.akkoord.account;

/** A session just created: {@code cookieValue} goes to the browser once and is never stored. */
public record NewSession(String cookieValue, Session session) {
}
