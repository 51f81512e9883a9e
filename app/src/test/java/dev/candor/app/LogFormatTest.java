package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CANDOR_LOG_FORMAT: text stays as it is, json gives one object per line, anything else is named.
 */
class LogFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void givenJson_thenEachEventIsOneParsableLineWithLevelLoggerMessageAndFailure() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = appender(context, out);
    Logger log = context.getLogger("dev.candor.test");
    log.addAppender(appender);

    LogFormat.useJson(appender);
    log.warn("outbox item {} failed for good: \"quoted\"\nsecond line", 42);
    log.error("stopping failed", new IllegalStateException("boom"));

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.path("level").asText()).isEqualTo("WARN");
    assertThat(first.path("loggerName").asText()).isEqualTo("dev.candor.test");
    assertThat(first.path("formattedMessage").asText())
        .isEqualTo("outbox item 42 failed for good: \"quoted\"\nsecond line");
    assertThat(first.path("timestamp").asLong()).isPositive();
    assertThat(first.has("arguments")).as("arguments repeat the message").isFalse();
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.path("throwable").path("className").asText())
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void givenUnsetOrText_thenNothingChanges() {
    assertThat(LogFormat.apply(Map.of())).isEmpty();
    assertThat(LogFormat.apply(Map.of(LogFormat.VARIABLE, " Text "))).isEmpty();
  }

  @Test
  void givenAnUnknownFormat_thenTheProblemNamesTheVariableAndTheChoices() {
    assertThat(LogFormat.apply(Map.of(LogFormat.VARIABLE, "xml")))
        .contains("CANDOR_LOG_FORMAT 'xml' is not a log format; write text or json");
  }

  private static OutputStreamAppender<ILoggingEvent> appender(
      LoggerContext context, ByteArrayOutputStream out) {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern("%msg%n");
    text.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(text);
    appender.setOutputStream(out);
    appender.start();
    return appender;
  }
}
