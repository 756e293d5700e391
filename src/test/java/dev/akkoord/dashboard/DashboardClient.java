package dev.akkoord.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.akkoord.testsupport.Api;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser-like dashboard user for API tests: a session cookie and the CSRF token of its pages. */
public final class DashboardClient {

    public static final String OPERATOR_EMAIL = "operator@akkoord.test";
    public static final String OPERATOR_PASSWORD = "operator-password-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String sessionCookie;
    private final String csrf;

    private DashboardClient(String sessionCookie, String csrf) {
        this.sessionCookie = sessionCookie;
        this.csrf = csrf;
    }

    /** Signs in; answers the POST's response (303 on success) and the client when it worked, else null. */
    public static Attempt attempt(String email, String password) {
        Response form = given().redirects().follow(false).get("/dashboard/login");
        String preLogin = form.getCookie(SessionCookies.PRE_LOGIN);
        Response answer = given().redirects().follow(false).cookie(SessionCookies.PRE_LOGIN, preLogin)
                .formParam("email", email).formParam("password", password)
                .formParam("_csrf", csrfIn(form.asString())).post("/dashboard/login");
        String session = answer.getCookie(SessionCookies.SESSION);
        DashboardClient client = answer.statusCode() == 303 && session != null
                ? new DashboardClient(session, csrfOf(session)) : null;
        return new Attempt(answer, client);
    }

    public record Attempt(Response response, DashboardClient client) {
    }

    public static DashboardClient signIn(String email, String password) {
        Attempt attempt = attempt(email, password);
        assertEquals(303, attempt.response().statusCode(), "sign-in of " + email + " should work");
        return attempt.client();
    }

    private static DashboardClient operator;

    /**
     * The shared operator, created through the bootstrap {@code admin} sign-in the first time it is needed. Its
     * session is reused while it lives: signing in for every test would run into the per-account sign-in limit.
     */
    public static synchronized DashboardClient operator() {
        if (operator != null && operator.get("/dashboard/account").statusCode() == 200) {
            return operator;
        }
        Attempt attempt = attempt(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        if (attempt.client() != null) {
            operator = attempt.client();
            return operator;
        }
        DashboardClient admin = signIn("admin", Api.OPERATOR_TOKEN);
        admin.post("/dashboard/account", Map.of("email", OPERATOR_EMAIL, "newPassword", OPERATOR_PASSWORD,
                "confirmPassword", OPERATOR_PASSWORD)).then().statusCode(303);
        operator = signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        return operator;
    }

    /** A new owner account with access to the given sites, signed in with its own password. */
    public static DashboardClient owner(UUID... sites) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@akkoord.test";
        String password = "owner-password-" + UUID.randomUUID().toString().substring(0, 6);
        DashboardClient operator = operator();
        operator.post("/dashboard/accounts", Map.of("email", email, "role", "owner", "password", "temporary-pass-1"))
                .then().statusCode(200);
        UUID accountId = operator.accountId(email);
        for (UUID site : sites) {
            operator.post("/dashboard/accounts/" + accountId + "/sites", Map.of("siteId", site.toString()))
                    .then().statusCode(303);
        }
        DashboardClient first = signIn(email, "temporary-pass-1");
        first.post("/dashboard/account", Map.of("email", email, "newPassword", password, "confirmPassword", password))
                .then().statusCode(303);
        return signIn(email, password);
    }

    UUID accountId(String email) {
        String html = get("/dashboard/accounts").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile(Pattern.quote(email) + "[\\s\\S]*?/dashboard/accounts/([0-9a-f-]{36})/")
                .matcher(html);
        assertEquals(true, matcher.find(), "account " + email + " is listed");
        return UUID.fromString(matcher.group(1));
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookie(SessionCookies.SESSION, sessionCookie);
    }

    public Response get(String path) {
        return request().get(path);
    }

    /** A form POST carrying this session's CSRF token. */
    public Response post(String path, Map<String, ?> form) {
        return request().formParams(form).formParam("_csrf", csrf).post(path);
    }

    /** A form POST without the token, as a forged cross-site form would send it. */
    public Response postWithoutCsrf(String path, Map<String, ?> form) {
        return request().formParams(form).post(path);
    }

    public String csrf() {
        return csrf;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    private static String csrfOf(String session) {
        String html = given().redirects().follow(false).cookie(SessionCookies.SESSION, session)
                .get("/dashboard/account").asString();
        return csrfIn(html);
    }

    static String csrfIn(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertNotNull(matcher.find() ? matcher.group(1) : null, "the page has a CSRF token");
        return matcher.group(1);
    }
}
