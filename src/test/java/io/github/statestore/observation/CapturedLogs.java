package io.github.statestore.observation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the library logs while a test runs, at a level the test picks: every logger under
 * {@code io.github.statestore} is set to it and sent to a list (not to the console) until {@link #close()},
 * which restores them. Not thread-safe to open or close; the list itself is appended to from any thread.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.github.statestore");
    private final Level levelBefore = logger.getLevel();
    private final boolean additiveBefore = logger.isAdditive();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(Level level) {
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(level);
    }

    /**
     * Starts capturing.
     *
     * @param level the least level logged, such as {@link Level#DEBUG}
     * @return the capture; close it to stop
     */
    public static CapturedLogs at(Level level) {
        return new CapturedLogs(level);
    }

    /**
     * The formatted messages logged at one level by one logger.
     *
     * @param level the level
     * @param loggerName the logger's name, or a prefix of it
     * @return the messages, in order
     */
    public List<String> messages(Level level, String loggerName) {
        return events().stream().filter(e -> e.getLevel() == level && e.getLoggerName().startsWith(loggerName))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** {@return every message logged, each with its exception's class and message and theirs of its causes} */
    public String everything() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : events()) {
            all.append(event.getLevel()).append(' ').append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
        logger.setAdditive(additiveBefore);
        appender.stop();
    }
}
