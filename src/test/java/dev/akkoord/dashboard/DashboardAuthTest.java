package dev.akkoord.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class DashboardAuthTest {

    @Test
    void shouldSendVisitorsWithoutSessionToSignIn() {
        given().redirects().follow(false).get("/dashboard/sites/" + UUID.randomUUID() + "?by=week")
                .then().statusCode(303)
                .header("Location", containsString("/dashboard/login?next=%2Fdashboard%2Fsites%2F"))
                .header("Location", containsString("%3Fby%3Dweek"));
        given().redirects().follow(false).get("/dashboard/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("name=\"_csrf\""));
    }

    @Test
    void shouldRedirectToPathsWhateverHostTheRequestNamed() {
        given().redirects().follow(false).header("Host", "attacker.example.test")
                .get("/dashboard/sites/" + UUID.randomUUID())
                .then().statusCode(303)
                .header("Location", startsWith("/dashboard/login?next="));
        given().redirects().follow(false).header("Host", "attacker.example.test").get("/dashboard")
                .then().statusCode(303)
                .header("Location", not(containsString("attacker")));
    }

    @Test
    void shouldIssueHardenedSessionCookieOnSignIn() {
        DashboardClient.operator();
        DashboardClient.Attempt attempt = DashboardClient.attempt(DashboardClient.OPERATOR_EMAIL,
                DashboardClient.OPERATOR_PASSWORD);
        String setCookie = attempt.response().getHeaders().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(SessionCookies.SESSION + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/dashboard"), setCookie);
        // The tests run over plain http, where a Secure cookie would never be sent back.
        assertTrue(!setCookie.contains("Secure"), setCookie);
        assertEquals(43, attempt.client().sessionCookie().length());
    }

    @Test
    void shouldRefuseWrongPasswordAndUnknownAccountAlike() {
        DashboardClient.operator();
        DashboardClient.Attempt wrong = DashboardClient.attempt(DashboardClient.OPERATOR_EMAIL, "not-the-password");
        DashboardClient.Attempt unknown = DashboardClient.attempt("nobody-" + UUID.randomUUID() + "@x.test", "whatever");
        assertEquals(401, wrong.response().statusCode());
        assertEquals(401, unknown.response().statusCode());
        assertNull(wrong.client());
        wrong.response().then().body(containsString("The e-mail address or password is not right."));
        unknown.response().then().body(containsString("The e-mail address or password is not right."));
    }

    @Test
    void shouldLimitSignInAttemptsPerAccountFromOneAddressInRedis() {
        String email = "target-" + UUID.randomUUID() + "@x.test";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, DashboardClient.attempt(email, "guess-" + i).response().statusCode());
        }
        Response limited = DashboardClient.attempt(email, "guess-11").response();
        assertEquals(429, limited.statusCode());
        assertNotNull(limited.getHeader("Retry-After"));
        limited.then().body(containsString("Too many sign-in attempts"));
    }

    @Test
    void shouldRefuseSignInFormWithoutItsToken() {
        Response form = given().get("/dashboard/login");
        String preLogin = form.getCookie(SessionCookies.PRE_LOGIN);
        given().redirects().follow(false).cookie(SessionCookies.PRE_LOGIN, preLogin)
                .formParam("email", DashboardClient.OPERATOR_EMAIL).formParam("password", DashboardClient.OPERATOR_PASSWORD)
                .formParam("_csrf", "forged").post("/dashboard/login").then().statusCode(403)
                .cookies(Map.of());
        // A cross-site form carries no SameSite=Strict cookie: the token cannot match anything.
        given().redirects().follow(false)
                .formParam("email", DashboardClient.OPERATOR_EMAIL).formParam("password", DashboardClient.OPERATOR_PASSWORD)
                .formParam("_csrf", DashboardClient.csrfIn(form.asString())).post("/dashboard/login").then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseEveryUnsafeDashboardRequestWithoutTheSessionsToken() {
        DashboardClient operator = DashboardClient.operator();
        String name = "Forged " + UUID.randomUUID();
        operator.postWithoutCsrf("/dashboard/sites", Map.of("name", name, "domains", "forged.test")).then()
                .statusCode(403).body(containsString("not sent from your current dashboard session"));
        operator.request().formParam("name", name).formParam("domains", "forged.test")
                .formParam("_csrf", "0".repeat(64)).post("/dashboard/sites").then().statusCode(403);
        // Another session's token is no good either.
        DashboardClient other = DashboardClient.signIn(DashboardClient.OPERATOR_EMAIL, DashboardClient.OPERATOR_PASSWORD);
        operator.request().formParam("name", name).formParam("domains", "forged.test")
                .formParam("_csrf", other.csrf()).post("/dashboard/sites").then().statusCode(403);
        operator.postWithoutCsrf("/dashboard/logout", Map.of()).then().statusCode(403);
        operator.get("/dashboard/sites").then().statusCode(200).body(not(containsString(name)));
        // Scripts send the token as a header.
        operator.request().header(DashboardGuard.CSRF_HEADER, operator.csrf()).formParam("name", name)
                .formParam("domains", "header.test").post("/dashboard/sites").then().statusCode(200);
        operator.get("/dashboard/sites").then().body(containsString(name));
    }

    @Test
    void shouldEndTheSessionOnSignOut() {
        DashboardClient.operator();
        DashboardClient session = DashboardClient.signIn(DashboardClient.OPERATOR_EMAIL, DashboardClient.OPERATOR_PASSWORD);
        session.get("/dashboard/sites").then().statusCode(200);
        session.post("/dashboard/logout", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/dashboard/login"))
                .header("Set-Cookie", containsString("Max-Age=0"));
        session.get("/dashboard/sites").then().statusCode(303).header("Location", containsString("/dashboard/login"));
    }

    @Test
    void shouldNotLetADashboardSessionIntoTheApi() {
        DashboardClient operator = DashboardClient.operator();
        given().cookie(SessionCookies.SESSION, operator.sessionCookie()).get("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void shouldMakeNewAccountsReplaceTheirTemporaryPasswordAndEndOtherSessionsOnChange() {
        DashboardClient operator = DashboardClient.operator();
        String email = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@akkoord.test";
        operator.post("/dashboard/accounts", Map.of("email", email, "role", "owner", "password", "temporary-pass-1"))
                .then().statusCode(200).body(containsString("Account " + email + " added."));
        DashboardClient first = DashboardClient.signIn(email, "temporary-pass-1");
        first.get("/dashboard/sites").then().statusCode(303).header("Location", endsWith("/dashboard/account"));
        first.post("/dashboard/account", Map.of("email", email, "newPassword", "short", "confirmPassword", "short"))
                .then().statusCode(400).body(containsString("at least 12 characters"));
        DashboardClient second = DashboardClient.signIn(email, "temporary-pass-1");
        Response changed = first.post("/dashboard/account", Map.of("email", email,
                "newPassword", "a-much-better-password", "confirmPassword", "a-much-better-password"));
        changed.then().statusCode(303).header("Location", endsWith("/dashboard/sites"));
        second.get("/dashboard/sites").then().statusCode(303).header("Location", containsString("/dashboard/login"));
        assertEquals(401, DashboardClient.attempt(email, "temporary-pass-1").response().statusCode());
        DashboardClient.signIn(email, "a-much-better-password").get("/dashboard/sites").then().statusCode(200);
    }

    @Test
    void shouldKeepOwnersOutOfOperatorPages() {
        DashboardClient owner = DashboardClient.owner();
        owner.get("/dashboard/accounts").then().statusCode(403);
        owner.post("/dashboard/sites", Map.of("name", "Sneaky", "domains", "sneaky.test")).then().statusCode(403);
        owner.post("/dashboard/accounts", Map.of("email", "x@y.test", "role", "operator", "password", "abcdefghijklm"))
                .then().statusCode(403);
    }
}
