package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.DeliveryException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which connector answers are worth retrying. */
class ConnectorFailuresTest {

  @ParameterizedTest(name = "HTTP {0} permanent={1}")
  @CsvSource({
    "400, true",
    "401, true",
    "403, true",
    "404, true",
    "413, true",
    "408, false",
    "412, false",
    "429, false",
    "500, false",
    "502, false",
    "503, false",
    "504, false"
  })
  void givenAStatus_thenPermanentOrTemporary(int status, boolean permanent) {
    DeliveryException e =
        ConnectorFailures.forStatus("sendToConversation", status, Optional.empty());

    assertThat(e.isPermanent()).isEqualTo(permanent);
    assertThat(e.getMessage()).startsWith("sendToConversation: HTTP " + status);
  }

  @Test
  void givenRetryAfterAsSecondsOrAsADate_thenThatWait() {
    assertThat(ConnectorFailures.retryAfter("12")).contains(Duration.ofSeconds(12));
    String inAMinute =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
    assertThat(ConnectorFailures.retryAfter(inAMinute))
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61)));
    assertThat(ConnectorFailures.retryAfter("soon")).isEmpty();
    assertThat(ConnectorFailures.retryAfter(null)).isEmpty();
  }

  @Test
  void givenAnIoFailureWrappedByTheSdk_thenTemporary() {
    DeliveryException e =
        ConnectorFailures.of(
            "createConversation", new CompletionException(new ConnectException("refused")));

    assertThat(e.isPermanent()).isFalse();
    assertThat(e.getMessage()).isEqualTo("createConversation: ConnectException");
  }
}
