package org.coalitionledger.it;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.util.List;

/**
 * Silences the loggers that report a failure a test provokes on purpose (the test asserts it instead), and gives
 * them back their configured level afterwards, so that later tests in the same JVM log as usual.
 */
public final class QuietLoggers implements AutoCloseable {

    private final List<String> loggers;

    private QuietLoggers(List<String> loggers) {
        this.loggers = loggers;
        loggers.forEach(logger -> system().setLogLevel(logger, LogLevel.OFF));
    }

    public static QuietLoggers of(String... loggers) {
        return new QuietLoggers(List.of(loggers));
    }

    @Override
    public void close() {
        loggers.forEach(logger -> system().setLogLevel(logger, null));
    }

    private static LoggingSystem system() {
        return LoggingSystem.get(QuietLoggers.class.getClassLoader());
    }
}
