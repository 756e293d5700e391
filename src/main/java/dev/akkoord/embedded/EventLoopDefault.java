package dev.akkoord.embedded;

/**
 * One Vert.x event loop per two cores, unless the operator sets {@code quarkus.vertx.event-loops-pool-size}.
 *
 * <p>Quarkus starts two per core, which suits a service alone on its machine. Akkoord shares its machine with
 * PostgreSQL and Redis (always so on the embedded default), and its consent ledger runs on one event loop, so
 * every further loop adds thread hand-offs to each consent: on two cores, one loop records about a third more
 * consents per second than four (bench/consents/run.sh).
 */
final class EventLoopDefault {

    static final String PROPERTY = "quarkus.vertx.event-loops-pool-size";
    static final String ENVIRONMENT_VARIABLE = "QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE";

    private EventLoopDefault() {
    }

    static void apply() {
        apply(Runtime.getRuntime().availableProcessors());
    }

    static void apply(int cores) {
        if (Settings.lookup(PROPERTY, ENVIRONMENT_VARIABLE) == null) {
            System.setProperty(PROPERTY, String.valueOf(Math.max(1, cores / 2)));
        }
    }
}
