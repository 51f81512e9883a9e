package dev.candor.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Occurrences are computed on local dates and placed in the series' zone: a local 15:00 stays 15:00
 * through both daylight-saving changes of 2026, in New York (8 March, 1 November) and in Berlin (29
 * March, 25 October), while the UTC instant moves by the hour.
 */
class RecurrenceTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime THREE_PM = LocalTime.of(15, 0);

  static Stream<Arguments> transitions() {
    return Stream.of(
        // zone, weekday, local date before the change, UTC start before, UTC start a week later
        Arguments.of(
            NEW_YORK,
            DayOfWeek.THURSDAY,
            "2026-03-05",
            "2026-03-05T20:00:00Z",
            "2026-03-12T19:00:00Z"),
        Arguments.of(
            NEW_YORK,
            DayOfWeek.THURSDAY,
            "2026-10-29",
            "2026-10-29T19:00:00Z",
            "2026-11-05T20:00:00Z"),
        Arguments.of(
            BERLIN,
            DayOfWeek.THURSDAY,
            "2026-03-26",
            "2026-03-26T14:00:00Z",
            "2026-04-02T13:00:00Z"),
        Arguments.of(
            BERLIN,
            DayOfWeek.THURSDAY,
            "2026-10-22",
            "2026-10-22T13:00:00Z",
            "2026-10-29T14:00:00Z"));
  }

  @ParameterizedTest(name = "{0} from {2}")
  @MethodSource("transitions")
  void givenWeeklyRuleAcrossADaylightSavingChange_thenTheLocalTimeStaysAndUtcMovesByAnHour(
      ZoneId zone, DayOfWeek day, String before, String firstUtc, String secondUtc) {
    Recurrence weekly = Recurrence.weekly(1, day, THREE_PM, zone);
    LocalDate first = LocalDate.parse(before);

    ZonedDateTime one = weekly.start(first, 1);
    ZonedDateTime two = weekly.start(first, 2);

    assertThat(one.toInstant()).isEqualTo(Instant.parse(firstUtc));
    assertThat(two.toInstant()).isEqualTo(Instant.parse(secondUtc));
    assertThat(two.toLocalTime()).isEqualTo(THREE_PM);
    assertThat(two.getDayOfWeek()).isEqualTo(day);
    assertThat(Math.abs(ChronoUnit.HOURS.between(one, two) - 7 * 24)).isEqualTo(1);
  }

  @Test
  void givenEveryOtherThursdayInNewYorkForAYear_thenEveryOccurrenceIsThursday1500Local() {
    Recurrence rule = Recurrence.weekly(2, DayOfWeek.THURSDAY, THREE_PM, NEW_YORK);
    LocalDate first = LocalDate.parse("2026-01-08");

    for (int n = 1; n <= 27; n++) {
      ZonedDateTime start = rule.start(first, n);
      assertThat(start.toLocalTime()).as("occurrence %d", n).isEqualTo(THREE_PM);
      assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
      assertThat(start.toLocalDate()).isEqualTo(first.plusWeeks(2L * (n - 1)));
    }
    assertThat(rule.start(first, 5).getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);
    assertThat(rule.start(first, 6).getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
  }

  @Test
  void givenDailyRuleInTheSpringGap_thenThatDayMovesForwardByTheGapAndTheNextIsBackOnTime() {
    Recurrence daily = Recurrence.daily(1, LocalTime.of(2, 30), NEW_YORK);
    LocalDate first = LocalDate.parse("2026-03-07");

    assertThat(daily.start(first, 1).toString())
        .isEqualTo("2026-03-07T02:30-05:00[America/New_York]");
    assertThat(daily.start(first, 2).toString())
        .isEqualTo("2026-03-08T03:30-04:00[America/New_York]");
    assertThat(daily.start(first, 3).toString())
        .isEqualTo("2026-03-09T02:30-04:00[America/New_York]");
  }

  @Test
  void givenDailyRuleInTheAutumnOverlap_thenTheEarlierOffsetIsTaken() {
    Recurrence daily = Recurrence.daily(1, LocalTime.of(1, 30), NEW_YORK);
    LocalDate first = LocalDate.parse("2026-10-31");

    ZonedDateTime overlap = daily.start(first, 2);

    assertThat(overlap.toLocalDateTime().toString()).isEqualTo("2026-11-01T01:30");
    assertThat(overlap.toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
  }

  @Test
  void givenDailyRuleInBerlinOnBothChanges_thenLocalTimeIsKept() {
    Recurrence daily = Recurrence.daily(1, LocalTime.of(9, 30), BERLIN);

    assertThat(daily.start(LocalDate.parse("2026-03-28"), 2).toInstant())
        .isEqualTo(Instant.parse("2026-03-29T07:30:00Z"));
    assertThat(daily.start(LocalDate.parse("2026-03-28"), 1).toInstant())
        .isEqualTo(Instant.parse("2026-03-28T08:30:00Z"));
    assertThat(daily.start(LocalDate.parse("2026-10-24"), 2).toInstant())
        .isEqualTo(Instant.parse("2026-10-25T08:30:00Z"));
  }

  @Test
  void givenNowAfterThisWeeksTime_thenTheFirstOccurrenceIsNextWeek() {
    Recurrence rule = Recurrence.weekly(1, DayOfWeek.THURSDAY, THREE_PM, NEW_YORK);

    assertThat(rule.firstDate(Instant.parse("2026-03-05T20:30:00Z")))
        .isEqualTo(LocalDate.parse("2026-03-12"));
    assertThat(rule.firstDate(Instant.parse("2026-03-05T19:59:00Z")))
        .isEqualTo(LocalDate.parse("2026-03-05"));
    assertThat(rule.firstDate(Instant.parse("2026-03-02T09:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-03-05"));
  }

  @Test
  void givenDailyRuleAfterTodaysTime_thenTheFirstOccurrenceIsTomorrow() {
    Recurrence rule = Recurrence.daily(1, LocalTime.of(17, 0), BERLIN);

    assertThat(rule.firstDate(Instant.parse("2026-03-02T16:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-03-03"));
  }

  @Test
  void givenOccurrencesMissedWhileDown_thenTheNextNumberIsTheFirstStillAhead() {
    Recurrence rule = Recurrence.daily(1, LocalTime.of(17, 0), BERLIN);
    LocalDate first = LocalDate.parse("2026-03-02");

    int n = rule.firstNumberAfter(first, 2, Instant.parse("2026-03-06T17:00:00Z"));

    assertThat(n).isEqualTo(6);
    assertThat(rule.start(first, n).toLocalDate()).isEqualTo(LocalDate.parse("2026-03-07"));
    assertThat(rule.firstNumberAfter(first, 2, Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(2);
  }

  @Test
  void givenTheRule_thenItDescribesItselfPlainly() {
    assertThat(Recurrence.weekly(2, DayOfWeek.THURSDAY, THREE_PM, NEW_YORK).describe())
        .isEqualTo("every 2 weeks on Thursday at 15:00 (America/New_York)");
    assertThat(Recurrence.daily(1, LocalTime.of(17, 0), BERLIN).describe())
        .isEqualTo("every day at 17:00 (Europe/Berlin)");
  }

  @Test
  void givenWeeklyRuleWithoutADay_thenItIsRejected() {
    assertThatThrownBy(() -> new Recurrence(1, Recurrence.Unit.WEEK, null, THREE_PM, NEW_YORK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Recurrence.daily(0, THREE_PM, NEW_YORK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
