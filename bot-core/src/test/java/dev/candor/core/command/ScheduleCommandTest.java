package dev.candor.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.candor.core.CandorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleCommandTest {
  static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z"); // Monday 12:00 in Berlin
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final CommandParser parser = parserAt(NOW);

  private static CommandParser parserAt(Instant now) {
    return new CommandParser(Clock.fixed(now, ZoneOffset.UTC), BERLIN);
  }

  private Command.Schedule schedule(String text) {
    return (Command.Schedule) parser.parse(text);
  }

  private static ZonedDateTime berlin(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, BERLIN);
  }

  static Stream<Arguments> starts() {
    return Stream.of(
        arguments("2026-12-03 15:00", berlin(12, 3, 15, 0)),
        arguments("2026-12-03T15:00", berlin(12, 3, 15, 0)),
        arguments("2026-12-03t15:00:30", berlin(12, 3, 15, 0).withSecond(30)),
        arguments("2026-6-3 9:05", berlin(6, 3, 9, 5)),
        arguments("today 15:00", berlin(5, 4, 15, 0)),
        arguments("TODAY 3pm", berlin(5, 4, 15, 0)),
        arguments("tomorrow 15:00", berlin(5, 5, 15, 0)),
        arguments("tomorrow 3pm", berlin(5, 5, 15, 0)),
        arguments("tomorrow 3 PM", berlin(5, 5, 15, 0)),
        arguments("tomorrow 12am", berlin(5, 5, 0, 0)),
        arguments("tomorrow 12:30pm", berlin(5, 5, 12, 30)),
        arguments("15:00", berlin(5, 4, 15, 0)),
        arguments("3pm", berlin(5, 4, 15, 0)),
        arguments("in 2h", berlin(5, 4, 14, 0)),
        arguments("in 90m", berlin(5, 4, 13, 30)),
        arguments("in 1h30m", berlin(5, 4, 13, 30)),
        arguments("in 1h 30m", berlin(5, 4, 13, 30)),
        arguments("in 45s", berlin(5, 4, 12, 0).withSecond(45)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("starts")
  void givenAStartForm_thenItIsPlacedInTheDefaultZone(String start, ZonedDateTime expected) {
    assertThat(schedule("schedule Townhall " + start).start()).isEqualTo(expected);
  }

  @Test
  void givenEveryOption_thenEachLandsInTheCommand() {
    Command.Schedule s =
        schedule(
            "SCHEDULE “Town hall: Q3 plans” tomorrow 3pm FOR 1h30m tz America/New_York"
                + " moderators @ana <@U123> slack:U9 channels slack:C1 teams:19:abc@thread.tacv2"
                + " k 7 release 0 premoderate");

    assertThat(s)
        .isEqualTo(
            new Command.Schedule(
                "Town hall: Q3 plans",
                ZonedDateTime.of(2026, 5, 5, 15, 0, 0, 0, NEW_YORK),
                Optional.of(Duration.ofMinutes(90)),
                List.of("@ana", "<@U123>", "slack:U9"),
                List.of("slack:C1", "teams:19:abc@thread.tacv2"),
                Optional.of(7),
                Optional.of(Duration.ZERO),
                true));
  }

  @Test
  void givenOnlyTitleAndStart_thenEveryOptionIsLeftToTheDefaults() {
    assertThat(schedule("schedule Townhall tomorrow 15:00"))
        .isEqualTo(
            new Command.Schedule(
                "Townhall",
                berlin(5, 5, 15, 0),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                false));
  }

  @Test
  void givenInTwoHours_thenTheStartIsTwoHoursAfterTheClock() {
    ZonedDateTime start = schedule("schedule T in 2h").start();

    assertThat(start.toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(start.getZone()).isEqualTo(BERLIN);
  }

  @Test
  void givenTomorrowWithTzAfterTheStart_thenTomorrowIsTheDayInThatZone() {
    // 23:30 UTC: already Tuesday in Berlin, still Monday evening in New York
    CommandParser lateParser = parserAt(Instant.parse("2026-05-04T23:30:00Z"));

    Command.Schedule s =
        (Command.Schedule) lateParser.parse("schedule T tomorrow 15:00 for 1h tz America/New_York");

    assertThat(s.start()).isEqualTo(ZonedDateTime.of(2026, 5, 5, 15, 0, 0, 0, NEW_YORK));
  }

  @Test
  void givenATimeInTheDstGap_thenItMovesForwardByTheGap() {
    // New York skips 02:00-03:00 on 2026-03-08; 02:30 does not exist and becomes 03:30 EDT
    CommandParser marchParser = parserAt(Instant.parse("2026-03-01T12:00:00Z"));

    Command.Schedule s =
        (Command.Schedule) marchParser.parse("schedule T 2026-03-08 02:30 tz America/New_York");

    assertThat(s.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 8, 3, 30));
    assertThat(s.start().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
  }

  @Test
  void givenTypographicQuotes_thenTheTitleIsWhatIsBetweenThem() {
    assertThat(schedule("schedule “Town hall” tomorrow 15:00").title()).isEqualTo("Town hall");
    assertThat(schedule("schedule ‘Ana’s update’ tomorrow 15:00").title())
        .isEqualTo("Ana’s update");
    assertThat(schedule("schedule \"Mixed quotes” tomorrow 15:00").title())
        .isEqualTo("Mixed quotes");
  }

  @Test
  void givenATitleWithLineBreaksAndInvisibleCharacters_thenItIsOneCleanLine() {
    assertThat(schedule("schedule \"Town\n  hall\u202E\u200B\" tomorrow 15:00").title())
        .isEqualTo("Town hall");
  }

  @Test
  void givenAQuotedKeyword_thenItIsAValueNotAnOption() {
    assertThat(schedule("schedule \"k\" tomorrow 15:00 moderators \"tz\"").moderators())
        .containsExactly("tz");
  }

  @Test
  void givenTheZoneInAnotherCase_thenTheIanaSpellingIsUsed() {
    assertThat(schedule("schedule T tomorrow 15:00 tz europe/berlin").start().getZone())
        .isEqualTo(BERLIN);
  }

  @Test
  void givenTheDurationBounds_thenBothEndsAreAccepted() {
    assertThat(schedule("schedule T tomorrow 15:00 for 1m").duration())
        .contains(Duration.ofMinutes(1));
    assertThat(schedule("schedule T tomorrow 15:00 for 7d").duration())
        .contains(Duration.ofDays(7));
    assertThat(schedule("schedule T tomorrow 15:00 release 1d").releaseInterval())
        .contains(Duration.ofDays(1));
  }

  @Test
  void givenAStartJustWithinTwoYears_thenItIsAccepted() {
    assertThat(schedule("schedule T 2028-05-04 12:00").start())
        .isEqualTo(berlin(5, 4, 12, 0).plusYears(2));
  }

  @Test
  void givenATitleOf200Characters_thenItIsAccepted() {
    String title = "t".repeat(200);

    assertThat(schedule("schedule " + title + " tomorrow 15:00").title()).isEqualTo(title);
  }

  static Stream<Arguments> badSchedules() {
    String start = "schedule T tomorrow 15:00 ";
    return Stream.of(
        arguments("schedule", "needs a title"),
        arguments("schedule tomorrow 15:00", "needs a title"),
        arguments("schedule in 2h", "needs a title"),
        arguments("schedule for 1h", "needs a title"),
        arguments("schedule \"\" tomorrow 15:00", "The title is empty"),
        arguments("schedule \"" + "t".repeat(201) + "\" tomorrow 15:00", "at most 200"),
        arguments("schedule \"Town hall tomorrow 15:00", "A quote is not closed"),
        arguments("schedule “Town hall tomorrow 15:00", "A quote is not closed"),
        arguments("schedule \"T\"", "Missing start. Write the start as"),
        arguments(
            "schedule \"T\" xyz",
            "'xyz' is not a date. Write the start as 2026-12-03 15:00, 2026-12-03T15:00,"
                + " tomorrow 15:00 or in 2h."),
        arguments("schedule Town hall tomorrow 15:00", "'hall' is not a date"),
        arguments("schedule Town hall tomorrow 15:00", "A title with spaces goes in quotes"),
        arguments("schedule T tomorrow", "'tomorrow' is not a date"),
        arguments("schedule T 2026-12-03", "'2026-12-03' is not a date"),
        arguments("schedule T 2026-02-30 10:00", "'2026-02-30 10:00' is not a date"),
        arguments("schedule T tomorrow 25:00", "'tomorrow 25:00' is not a date"),
        arguments("schedule T tomorrow 13pm", "'tomorrow 13pm' is not a date"),
        arguments("schedule T tomorrow 15", "'tomorrow 15' is not a date"),
        arguments("schedule T in two hours", "'in two' is not a date"),
        arguments("schedule T 2020-01-01 10:00", "'2020-01-01 10:00' is in the past"),
        arguments("schedule T 11:00", "'11:00' today is in the past (it is now 2026-05-04 12:00"),
        arguments("schedule T today 12:00", "'today 12:00' is in the past"),
        arguments("schedule T in 0m", "'in 0m' is not in the future"),
        arguments("schedule T 2028-05-05 10:00", "'2028-05-05 10:00' is more than 2 years ahead"),
        arguments("schedule T in 999999999d", "'in 999999999d' is more than 2 years ahead"),
        arguments(start + "tz Mars/Olympus", "'Mars/Olympus' is not a time zone"),
        arguments(start + "tz Berlin", "such as Europe/Berlin"),
        arguments(start + "tz", "Missing value after 'tz'. Try: tz Europe/Berlin"),
        arguments(start + "for 90 minutes", "'90 minutes' is not a duration. Write it as 45m"),
        arguments(start + "for 1.5h", "'1.5h' is not a duration"),
        arguments(start + "for 30s", "A session lasts between 1m and 7d, not 30s"),
        arguments(start + "for 8d", "A session lasts between 1m and 7d, not 8d"),
        arguments(start + "for", "Missing duration. Try: for 1h30m"),
        arguments(start + "release 2d", "The release interval is between 0s and 1d, not 2d"),
        arguments(start + "release -1m", "'-1m' is not a duration"),
        arguments(start + "k 2", "k must be at least 3 to protect anonymity"),
        arguments(start + "k -5", "k must be at least 3"),
        arguments(start + "k five", "'five' is not a whole number"),
        arguments(start + "k 5 6", "Unknown option '6'"),
        arguments(start + "colour red", "Unknown option 'colour'. Try: schedule \"<title>\""),
        arguments(start + "premoderate yes", "Unknown option 'yes'"),
        arguments(start + "moderators", "Missing value after 'moderators'"),
        arguments(start + "channels k 5", "Missing value after 'channels'"),
        arguments(start + "tz UTC tz Europe/Berlin", "The option 'tz' is given twice"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badSchedules")
  void givenABadSchedule_thenOneLineSaysWhatIsWrongAndHowToWriteIt(String input, String message) {
    assertThatThrownBy(() -> parser.parse(input))
        .isInstanceOfSatisfying(
            CandorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT);
              assertThat(e.getMessage())
                  .contains(message)
                  .doesNotContain("\n", "\r")
                  .containsAnyOf("Try:", "Write");
            });
  }
}
