package dev.akkoord.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.akkoord.web.BehindTrustedProxyProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Behind a TLS-terminating proxy (X-Forwarded-Proto: https) the dashboard's cookies are marked Secure. */
@QuarkusTest
@TestProfile(BehindTrustedProxyProfile.class)
class SecureCookieTest {

    @Test
    void shouldMarkCookiesSecureWhenTheRequestCameOverHttps() {
        Response form = given().header("X-Forwarded-Proto", "https").get("/dashboard/login");
        String preLogin = form.getHeaders().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(SessionCookies.PRE_LOGIN + "=")).findFirst().orElseThrow();
        assertTrue(preLogin.contains("Secure"), preLogin);
        assertTrue(preLogin.contains("HttpOnly") && preLogin.contains("SameSite=Strict"), preLogin);

        Response plain = given().get("/dashboard/login");
        String overHttp = plain.getHeaders().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(SessionCookies.PRE_LOGIN + "=")).findFirst().orElseThrow();
        assertTrue(!overHttp.contains("Secure"), overHttp);
    }
}
