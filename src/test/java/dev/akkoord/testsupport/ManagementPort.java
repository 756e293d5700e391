package dev.akkoord.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Health and metrics are served on the management interface, whose test port is chosen free at each start. */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** The port the running test application's management interface listens on. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request to the management interface, {@code get("/q/metrics")} and the like. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port());
    }
}
