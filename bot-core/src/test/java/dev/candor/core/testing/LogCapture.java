package dev.candor.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the whole process, at DEBUG and above, while it is open: attaches a
 * list appender to the root logger and lowers the root level to DEBUG; {@link #close()} restores
 * both. The console appender of {@code logback-test.xml} keeps its own WARN threshold, so the build
 * output stays quiet.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.rootAtDebug()) {
 *   ... run the scenario ...
 *   assertThat(logs.text()).doesNotContain("U-PART-");
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root;
  private final Level previousLevel;
  private final Map<Logger, Level> lowered = new LinkedHashMap<>();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(Logger root) {
    this.root = root;
    this.previousLevel = root.getLevel();
    appender.setName("candor-test-capture");
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
  }

  /** Starts capturing everything at DEBUG and above. */
  public static LogCapture rootAtDebug() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    return new LogCapture(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  /**
   * Like {@link #rootAtDebug()}, and also lowers to DEBUG every logger that a configuration set to
   * a level of its own (e.g. {@code org.quartz} at WARN), so that nothing a library logs at DEBUG
   * escapes the capture; {@link #close()} puts their levels back.
   */
  public static LogCapture everyLoggerAtDebug() {
    LogCapture capture = rootAtDebug();
    for (Logger logger : capture.root.getLoggerContext().getLoggerList()) {
      if (logger != capture.root
          && logger.getLevel() != null
          && logger.getLevel().isGreaterOrEqual(Level.INFO)) {
        capture.lowered.put(logger, logger.getLevel());
        logger.setLevel(Level.DEBUG);
      }
    }
    return capture;
  }

  /** The captured events so far. */
  public List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return List.copyOf(appender.list);
    }
  }

  /**
   * Each captured event as one string: level, logger, thread, the formatted message, the raw
   * arguments, key-value pairs, MDC and the full stack trace of any exception, so that a search for
   * a secret finds it wherever a layout might print it.
   */
  public List<String> lines() {
    return events().stream().map(LogCapture::line).toList();
  }

  /** Every line joined by newlines. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    lowered.forEach(Logger::setLevel);
    root.setLevel(previousLevel);
    root.detachAppender(appender);
    appender.stop();
  }

  private static String line(ILoggingEvent e) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.getLevel())
        .append(' ')
        .append(e.getLoggerName())
        .append(" [")
        .append(e.getThreadName())
        .append("] ")
        .append(e.getFormattedMessage());
    if (e.getArgumentArray() != null) {
      sb.append(" args=").append(Arrays.deepToString(e.getArgumentArray()));
    }
    if (e.getKeyValuePairs() != null && !e.getKeyValuePairs().isEmpty()) {
      sb.append(" kv=").append(e.getKeyValuePairs());
    }
    if (e.getMDCPropertyMap() != null && !e.getMDCPropertyMap().isEmpty()) {
      sb.append(" mdc=").append(e.getMDCPropertyMap());
    }
    if (e.getThrowableProxy() != null) {
      sb.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }
    return sb.toString();
  }
}
