package dev.akkoord.dashboard;

import jakarta.ws.rs.core.NewCookie;

import io.vertx.core.http.HttpServerRequest;

/**
 * The dashboard's cookies: HttpOnly, SameSite=Strict, Secure whenever the request came over https, and scoped to
 * {@code /dashboard} so the public API and the banner never see them.
 */
final class SessionCookies {

    static final String SESSION = "akkoord_session";
    static final String PRE_LOGIN = "akkoord_login";
    static final String PATH = "/dashboard";

    private SessionCookies() {
    }

    static NewCookie session(String value, HttpServerRequest request) {
        return cookie(SESSION, value, request, NewCookie.DEFAULT_MAX_AGE);
    }

    static NewCookie preLogin(String value, HttpServerRequest request) {
        return cookie(PRE_LOGIN, value, request, 3600);
    }

    static NewCookie cleared(String name, HttpServerRequest request) {
        return cookie(name, "", request, 0);
    }

    static boolean isHttps(HttpServerRequest request) {
        return "https".equalsIgnoreCase(request.scheme());
    }

    private static NewCookie cookie(String name, String value, HttpServerRequest request, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(PATH).httpOnly(true).secure(isHttps(request))
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
