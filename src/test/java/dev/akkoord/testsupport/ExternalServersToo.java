package dev.akkoord.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test whose outcome can depend on the PostgreSQL and Redis servers themselves: their versions, the roles the
 * platform runs as, the SQL and Redis commands it sends. CI runs these a second time against the machine's servers
 * ({@code AKKOORD_TEST_EXTERNAL=true ./mvnw surefire:test -Dgroups=external-servers}); the rest (HTTP parsing,
 * pages, the browser scanner) behaves the same on any server and runs once, on the embedded default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ExternalServersToo.TAG)
public @interface ExternalServersToo {

    String TAG = "external-servers";
}
