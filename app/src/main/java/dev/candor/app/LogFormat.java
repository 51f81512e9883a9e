package dev.candor.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The log format, from {@code CANDOR_LOG_FORMAT}: {@code text} (the default: one readable line per
 * event) or {@code json} (one JSON object per line, for log collectors). JSON lines carry {@code
 * timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName}, {@code
 * mdc}, {@code kvpList}, {@code formattedMessage} and, for a failure, {@code throwable}; Candor's
 * messages are the same in both formats, so neither holds a payload, an id or a secret.
 */
final class LogFormat {
  static final String VARIABLE = "CANDOR_LOG_FORMAT";

  private LogFormat() {}

  /**
   * Switches the console to the format {@code env} asks for.
   *
   * @return the problem, if the variable names no known format (nothing is changed then)
   */
  static Optional<String> apply(Map<String, String> env) {
    String value = env.getOrDefault(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || value.equals("text")) {
      return Optional.empty();
    }
    if (!value.equals("json")) {
      return Optional.of(
          VARIABLE
              + " '"
              + env.get(VARIABLE).strip()
              + "' is not a log format; write text or json");
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out) {
          useJson(out);
        }
      }
    }
    return Optional.empty();
  }

  /** Gives {@code appender} a JSON encoder: one object per event, one event per line. */
  static void useJson(OutputStreamAppender<ILoggingEvent> appender) {
    JsonEncoder json = new JsonEncoder();
    json.setContext(appender.getContext());
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    // The formatted message says it all; the pattern and raw arguments would repeat it.
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    // Swapped in place: stopping the appender would close its stream.
    appender.setEncoder(json);
  }
}
