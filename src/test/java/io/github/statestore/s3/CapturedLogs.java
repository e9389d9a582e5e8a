package io.github.statestore.s3;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line of the test JVM while open, from Logback's root logger (WARN and above in tests). Thread-safe. */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** Starts capturing. */
    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    /** @return each captured line as "LEVEL logger - message", with its exceptions' text appended */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(CapturedLogs::format).toList();
    }

    private static String format(ILoggingEvent e) {
        StringBuilder line = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage());
        for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
