package dev.akkoord.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The service's log lines at WARN and above, from {@link #start()} until {@link #close()}: for tests that a failure
 * is logged, and logged once.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog() {
        setLevel(Level.WARNING);
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** Lines at WARN or above. */
    public List<LogRecord> warnings() {
        return List.copyOf(records);
    }

    /** Lines above WARN (ERROR, FATAL). */
    public List<LogRecord> errors() {
        return records.stream().filter(record -> record.getLevel().intValue() > Level.WARNING.intValue()).toList();
    }

    /** One line a record, level, logger and message, for assertion messages. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : records) {
            text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(message(record)).append('\n');
        }
        return text.toString();
    }

    public static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
