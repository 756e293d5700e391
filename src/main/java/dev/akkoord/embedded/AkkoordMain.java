package dev.akkoord.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged platform. Before Quarkus reads its runtime configuration it decides whether
 * PostgreSQL and Redis are external (configured the standard Quarkus way) or embedded, and in the latter case
 * starts them and hands their URLs to Quarkus as system properties.
 */
@QuarkusMain
public final class AkkoordMain {

    private AkkoordMain() {
    }

    public static void main(String... args) {
        EmbeddedDefault.prepare();
        Quarkus.run(args);
    }
}
