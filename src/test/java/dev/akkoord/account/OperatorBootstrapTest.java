package dev.akkoord.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.dashboard.DashboardClient;
import dev.akkoord.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class OperatorBootstrapTest {

    @Inject
    Pool pool;

    @Inject
    OperatorBootstrap bootstrap;

    @Test
    void shouldLetTheOperatorTokenCreateTheFirstOperatorOnce() {
        // As on a first start: no operator account yet.
        pool.query("DELETE FROM dashboard_accounts WHERE role = 'operator'").execute().await().indefinitely();
        bootstrap.onStart(null);

        DashboardClient admin = DashboardClient.signIn("admin", Api.OPERATOR_TOKEN);
        admin.get("/dashboard/sites").then().statusCode(303).header("Location", endsWith("/dashboard/account"));
        admin.get("/dashboard/account").then().statusCode(200).body(containsString("Set your e-mail and password"));
        admin.post("/dashboard/account", Map.of("email", "", "newPassword", DashboardClient.OPERATOR_PASSWORD,
                "confirmPassword", DashboardClient.OPERATOR_PASSWORD)).then().statusCode(400)
                .body(containsString("Enter your e-mail address"));
        admin.post("/dashboard/account", Map.of("email", DashboardClient.OPERATOR_EMAIL,
                "newPassword", DashboardClient.OPERATOR_PASSWORD, "confirmPassword", DashboardClient.OPERATOR_PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/dashboard/sites"));

        assertEquals(401, DashboardClient.attempt("admin", Api.OPERATOR_TOKEN).response().statusCode());
        DashboardClient.signIn(DashboardClient.OPERATOR_EMAIL, DashboardClient.OPERATOR_PASSWORD)
                .get("/dashboard/accounts").then().statusCode(200).body(containsString(DashboardClient.OPERATOR_EMAIL));
        // A restart finds a real operator and brings no admin account back.
        bootstrap.onStart(null);
        assertEquals(401, DashboardClient.attempt("admin", Api.OPERATOR_TOKEN).response().statusCode());
    }
}
