package io.kith.server.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what every logger writes while it is open, so a test can check that a request left no error or stack
 * trace behind (a client able to make the server log a stack trace at will can flood the log).
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLog() {
    appender.start();
    root.addAppender(appender);
  }

  /** Events logged at WARN or above, or carrying a throwable at any level. */
  public List<String> problems() {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN) || e.getThrowableProxy() != null)
          .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : " [" + e.getThrowableProxy().getClassName() + "]"))
          .toList();
    }
  }

  /** The messages {@code logger} wrote, in order. */
  public List<String> messages(String logger) {
    synchronized (appender.list) {
      return appender.list.stream().filter(e -> e.getLoggerName().equals(logger))
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
