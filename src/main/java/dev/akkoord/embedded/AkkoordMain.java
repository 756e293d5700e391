package dev.akkoord.embedded;

import java.util.List;

import dev.akkoord.consent.OfflineVerifier;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged platform. Before Quarkus reads its runtime configuration it decides whether
 * PostgreSQL and Redis are external (configured the standard Quarkus way) or embedded, and in the latter case
 * starts them and hands their URLs to Quarkus as system properties. It also sizes the event-loop pool for a machine
 * shared with the database, and gives the process a temp directory in the data directory
 * ({@link PrivateTempDirectory}). {@code verify …} runs the offline verifier instead, without starting anything.
 */
@QuarkusMain
public final class AkkoordMain {

    private AkkoordMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(OfflineVerifier.run(List.of(args).subList(1, args.length), System.out));
        }
        PrivateTempDirectory.apply(Settings.fromEnvironment().dataDir());
        EventLoopDefault.apply();
        EmbeddedDefault.prepare();
        Quarkus.run(args);
    }
}
