package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.akkoord.testsupport.TestServices;

/** Two platform instances sharing one PostgreSQL and one Redis, as when scaling out. */
class TwoInstancesIT {

    private static final String TOKEN = "two-instances-operator-token";

    @TempDir
    Path dir;

    @Test
    void shouldServeAChangeMadeThroughOneInstanceFromTheOtherAtOnce() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"),
                TestServices.postgresBinaries(), TestServices.PASSWORD, false);
        postgres.applyRoles(new PostgresRoles("owner-secret", "service-secret"));
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir.resolve("redis"), TestServices.PASSWORD, false);
        // Configured as the README says for an external PostgreSQL: migrations as the owner, the platform as the service.
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_FLYWAY_USERNAME", PostgresRoles.OWNER,
                "QUARKUS_FLYWAY_PASSWORD", "owner-secret",
                "QUARKUS_DATASOURCE_USERNAME", PostgresRoles.SERVICE,
                "QUARKUS_DATASOURCE_PASSWORD", "service-secret",
                "QUARKUS_REDIS_HOSTS", redis.url(),
                "QUARKUS_REDIS_PASSWORD", TestServices.PASSWORD,
                "AKKOORD_ADMIN_TOKEN", TOKEN,
                "AKKOORD_DATA_DIR", dir.resolve("data").toString());
        try (PlatformProcess a = PlatformProcess.start(dir.resolve("a.log"), env);
                PlatformProcess b = PlatformProcess.start(dir.resolve("b.log"), env)) {
            HttpResponse<String> created = Http.send("POST", a.url("/api/v1/sites"), TOKEN,
                    "{\"name\":\"Shared\",\"domains\":[\"www.example.test\"]}");
            assertEquals(201, created.statusCode(), created.body());
            String siteId = Http.field(created.body(), "id");
            String bannerPath = "/api/v1/sites/" + siteId + "/banner?lang=en";

            HttpResponse<String> before = Http.send("GET", b.url(bannerPath), null, null);
            assertEquals(200, before.statusCode());
            assertTrue(!before.body().contains("Changed through A"), before.body());

            HttpResponse<String> changed = Http.send("PUT", a.url("/api/v1/sites/" + siteId), TOKEN,
                    "{\"texts\":{\"en\":{\"title\":\"Changed through A\"}}}");
            assertEquals(200, changed.statusCode(), changed.body());

            HttpResponse<String> after = Http.send("GET", b.url(bannerPath), null, null);
            assertEquals(200, after.statusCode());
            assertTrue(after.body().contains("Changed through A"), "B serves the new text at once: " + after.body());
            assertEquals(Http.field(changed.body(), "bannerVersion"), Http.field(after.body(), "version"));
        } finally {
            redis.stop();
            postgres.stop();
        }
    }
}
