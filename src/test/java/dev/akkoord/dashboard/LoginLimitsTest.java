package dev.akkoord.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.akkoord.web.BehindTrustedProxyProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Someone guessing an account's password from their own address is stopped there; the account's owner, elsewhere,
 * still signs in, and only waits a little once the account has had many failures.
 */
@QuarkusTest
@TestProfile(BehindTrustedProxyProfile.class)
class LoginLimitsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Addresses come from X-Forwarded-For (the tests' loopback is the trusted proxy); a small brake. */
    private static final long BRAKE_MILLIS = BehindTrustedProxyProfile.LOGIN_BRAKE_MILLIS;

    @Test
    void aGuesserIsStoppedAtTheirAddressAndTheOwnerStillSignsIn() {
        DashboardClient.operator(); // the account exists with its real password
        for (int i = 0; i < 10; i++) {
            assertEquals(401, signIn("203.0.113.7", DashboardClient.OPERATOR_EMAIL, "guess-" + i).statusCode());
        }
        assertEquals(429, signIn("203.0.113.7", DashboardClient.OPERATOR_EMAIL, "guess-10").statusCode());
        assertEquals(429, signIn("203.0.113.7", DashboardClient.OPERATOR_EMAIL, DashboardClient.OPERATOR_PASSWORD)
                .statusCode(), "the limit holds for that address whatever the password");

        long started = System.nanoTime();
        Response owner = signIn("198.51.100.2", DashboardClient.OPERATOR_EMAIL, DashboardClient.OPERATOR_PASSWORD);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(303, owner.statusCode(), "the owner, from elsewhere, is not locked out");
        assertTrue(waitedMillis >= BRAKE_MILLIS - 100, "the account's brake held the attempt " + waitedMillis + " ms");
    }

    private static Response signIn(String address, String email, String password) {
        Response form = given().redirects().follow(false).header("X-Forwarded-For", address).get("/dashboard/login");
        Matcher csrf = CSRF.matcher(form.asString());
        assertTrue(csrf.find(), "the sign-in form carries its token");
        return given().redirects().follow(false).header("X-Forwarded-For", address)
                .cookie(SessionCookies.PRE_LOGIN, form.getCookie(SessionCookies.PRE_LOGIN))
                .formParam("email", email).formParam("password", password).formParam("_csrf", csrf.group(1))
                .post("/dashboard/login");
    }
}
