package dev.akkoord.web;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps Hibernate Reactive's "Failed to rollback transaction" ERROR out of the log.
 * <p>
 * A rollback only fails when the connection is already gone, and then PostgreSQL has rolled the transaction back
 * itself; the failure that ended the transaction still reaches the caller, which reports it (once per outage, through
 * {@link Outages}). Left in, an outage started with one ERROR line per transaction that was in flight.
 */
@Singleton
final class DeadConnectionRollbacks {

    static final String LOGGER = "org.hibernate.reactive.pool.impl.SqlClientConnection";
    private static final String ROLLBACK_FAILED = "Failed to rollback transaction";

    /** Held here so that the configured logger outlives any collection of unreferenced loggers. */
    private static final Logger HIBERNATE_CONNECTION = Logger.getLogger(LOGGER);

    void quiet(@Observes StartupEvent start) {
        if (!(HIBERNATE_CONNECTION.getFilter() instanceof WithoutRollbackFailures)) {
            HIBERNATE_CONNECTION.setFilter(new WithoutRollbackFailures(HIBERNATE_CONNECTION.getFilter()));
        }
    }

    /** Drops rollback failures and hands every other line to the filter that was there before. */
    record WithoutRollbackFailures(Filter next) implements Filter {

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            boolean rollbackFailure = message != null && message.startsWith(ROLLBACK_FAILED);
            return !rollbackFailure && (next == null || next.isLoggable(record));
        }
    }
}
