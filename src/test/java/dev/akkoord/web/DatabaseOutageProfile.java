package dev.akkoord.web;

import java.util.Map;

import dev.akkoord.testsupport.OutageProxy;
import dev.akkoord.testsupport.TestServices;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service reaches PostgreSQL through an {@link OutageProxy} the test can cut and restore; Flyway still
 * migrates over its own JDBC connection, straight to the database.
 */
public class DatabaseOutageProfile implements QuarkusTestProfile {

    static final OutageProxy PROXY = OutageProxy.shared("postgres", TestServices::postgresAddress);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + PROXY.port() + "/" + TestServices.databaseName());
    }
}
