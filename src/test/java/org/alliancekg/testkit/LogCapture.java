package org.alliancekg.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * The lines one logger writes while a test runs (at INFO and above), each as {@code LEVEL message}, with a wait for
 * a line that another thread is to write: the wait ends as soon as that line is logged, or fails at its deadline.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("akg.serve")) {
 *     ... start something that logs from a thread of its own ...
 *     String line = log.await(l -> l.contains("rebuilding"), Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level before;
    private final List<String> lines = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            synchronized (lines) {
                lines.add(e.getLevel() + " " + e.getFormattedMessage());
                lines.notifyAll();
            }
        }
    };

    private LogCapture(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        before = logger.getLevel();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        if (!logger.isInfoEnabled()) {
            logger.setLevel(Level.INFO);
        }
    }

    /** Captures the lines of the logger of that name (and of its children) from now until {@link #close()}. */
    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    /** The lines so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The first line so far that matches, if any. */
    public Optional<String> find(Predicate<String> matches) {
        return lines().stream().filter(matches).findFirst();
    }

    /**
     * Waits for a line that matches (one already logged counts) and returns it.
     *
     * @throws AssertionError when none is logged within {@code limit}, with the lines logged
     */
    public String await(Predicate<String> matches, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such line within " + limit.toSeconds() + " s; logged:\n"
                            + String.join("\n", lines));
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Stops capturing and restores the logger's level. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(before);
    }
}
