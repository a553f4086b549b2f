package org.assure.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What the application logs while a test runs: each event's formatted message with its stack trace, if any. */
final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final ch.qos.logback.classic.Level before = root.getLevel();

    /** Captures from INFO up, whatever the test configuration says, so that what production logs is what is checked. */
    LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        }
    }

    String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        root.setLevel(before);
        root.detachAppender(appender);
        appender.stop();
    }
}
