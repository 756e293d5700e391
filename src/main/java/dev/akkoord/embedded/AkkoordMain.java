package dev.akkoord.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged platform. Before Quarkus reads its runtime configuration it decides whether
 * PostgreSQL and Redis are external (configured the standard Quarkus way) or embedded, and in the latter case
 * starts them and hands their URLs to Quarkus as system properties. It also sizes the event-loop pool for a machine
 * shared with the database.
 */
@QuarkusMain
public final class AkkoordMain {

    private AkkoordMain() {
    }

    public static void main(String... args) {
        EventLoopDefault.apply();
        EmbeddedDefault.prepare();
        Quarkus.run(args);
    }
}
