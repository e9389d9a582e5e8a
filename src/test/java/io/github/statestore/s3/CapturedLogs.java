package io.github.statestore.s3;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the test JVM while open, from Logback's root logger (WARN and above in tests, unless a
 * level is given for the library's loggers). Thread-safe.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger library = (Logger) LoggerFactory.getLogger("io.github.statestore");
    private final Level libraryLevel = library.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** Starts capturing, at the levels the test configuration sets. */
    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    /**
     * Starts capturing, with every logger under {@code io.github.statestore} at {@code level} until closed.
     *
     * @param level the least level the library logs, such as {@link Level#DEBUG}
     */
    public CapturedLogs(Level level) {
        this();
        library.setLevel(level);
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

    /**
     * @param prefix the start of the lines wanted, such as {@code "WARN io.github.statestore"}
     * @return the messages of the captured lines that start so, without their level and logger
     */
    public List<String> messages(String prefix) {
        return lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(l.indexOf(" - ") + 3))
                .toList();
    }

    @Override
    public void close() {
        library.setLevel(libraryLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
