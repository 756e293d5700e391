package dev.akkoord.embedded;

import java.io.IOException;

/** An embedded server the {@link ServerSupervisor} keeps alive. */
interface Supervised {

    /** For log lines: "PostgreSQL", "Redis". */
    String name();

    boolean isRunning();

    /** Starts the server again with its data, port and password; throws when it did not come up. */
    void restart() throws IOException;
}
