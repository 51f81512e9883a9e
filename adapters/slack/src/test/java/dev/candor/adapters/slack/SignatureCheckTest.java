package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureCheckTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
  private static final String BODY = "token=x&command=%2Fcandor&text=ask+Why%3F";

  private final SignatureCheck check = new SignatureCheck(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest(name = "a timestamp {0} s off is accepted: {1}")
  @CsvSource({
    "-301, false",
    "-300, true",
    "-1, true",
    "0, true",
    "299, true",
    "300, true",
    "301, false",
    "86400, false"
  })
  void givenATimestampOffsetFromNow_thenOnlyFiveMinutesEitherWayIsAccepted(
      long offset, boolean accepted) {
    String ts = Long.toString(NOW.getEpochSecond() + offset);

    assertThat(check.valid(ts, BODY, Signer.sign(SECRET, Long.parseLong(ts), BODY)))
        .isEqualTo(accepted);
  }

  @ParameterizedTest(name = "timestamp \"{0}\" is refused")
  @CsvSource({"'', ", "abc", "1.5e9", "-"})
  void givenATimestampThatIsNotANumber_thenTheRequestIsRefused(String ts) {
    assertThat(check.valid(ts, BODY, "v0=00")).isFalse();
  }
}
