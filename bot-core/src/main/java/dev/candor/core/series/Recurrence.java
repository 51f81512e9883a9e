package dev.candor.core.series;

import static dev.candor.core.Checks.check;
import static dev.candor.core.Checks.notNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When the occurrences of a series start: every {@code every} days or weeks, at a wall-clock time
 * in a zone. Occurrences are computed on local dates and then placed in the zone, so a local 15:00
 * stays 15:00 across daylight-saving changes (the UTC instant moves instead). A local time that
 * falls in a spring-forward gap moves forward by the length of the gap; one in an autumn overlap
 * takes the earlier offset, as {@link ZonedDateTime#of} does.
 *
 * @param every how many units between two occurrences, at least 1
 * @param day the weekday of a weekly rule; {@code null} for a daily one
 */
public record Recurrence(int every, Unit unit, DayOfWeek day, LocalTime time, ZoneId zone) {
  /** The most units between two occurrences: a year of days, or a year of weeks. */
  public static final int MAX_EVERY_DAYS = 366;

  public static final int MAX_EVERY_WEEKS = 52;

  /** The step between occurrences. */
  public enum Unit {
    DAY,
    WEEK
  }

  public Recurrence {
    notNull(unit, "unit");
    notNull(time, "time");
    notNull(zone, "zone");
    check(every >= 1, "every must be at least 1, was " + every);
    check(
        every <= (unit == Unit.DAY ? MAX_EVERY_DAYS : MAX_EVERY_WEEKS),
        "every is too large: " + every);
    check((unit == Unit.WEEK) == (day != null), "a weekly rule needs a day, a daily one none");
  }

  /** A daily rule. */
  public static Recurrence daily(int every, LocalTime time, ZoneId zone) {
    return new Recurrence(every, Unit.DAY, null, time, zone);
  }

  /** A weekly rule. */
  public static Recurrence weekly(int every, DayOfWeek day, LocalTime time, ZoneId zone) {
    return new Recurrence(every, Unit.WEEK, notNull(day, "day"), time, zone);
  }

  /** The same rule read back with occurrence 1 on {@code firstDate}, which gives the weekday. */
  public static Recurrence stored(
      int every, Unit unit, LocalTime time, ZoneId zone, LocalDate first) {
    return new Recurrence(every, unit, unit == Unit.WEEK ? first.getDayOfWeek() : null, time, zone);
  }

  /** The local date of the first occurrence that starts after {@code now}. */
  public LocalDate firstDate(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate date = unit == Unit.WEEK ? today.with(TemporalAdjusters.nextOrSame(day)) : today;
    while (!ZonedDateTime.of(date, time, zone).toInstant().isAfter(now)) {
      date = date.plusDays(unit == Unit.WEEK ? 7 : 1);
    }
    return date;
  }

  /**
   * The start of occurrence {@code n} (1-based) of a series whose first is on {@code firstDate}.
   */
  public ZonedDateTime start(LocalDate firstDate, int n) {
    check(n >= 1, "occurrence numbers start at 1, was " + n);
    long steps = (long) (n - 1) * every;
    LocalDate date = unit == Unit.WEEK ? firstDate.plusWeeks(steps) : firstDate.plusDays(steps);
    return ZonedDateTime.of(date, time, zone);
  }

  /** The number of the first occurrence, at least {@code from}, that starts after {@code now}. */
  public int firstNumberAfter(LocalDate firstDate, int from, Instant now) {
    int n = Math.max(1, from);
    // Jump close first, so a series that was stopped for a long while is not walked step by step.
    long stepDays = (long) every * (unit == Unit.WEEK ? 7 : 1);
    long behind =
        java.time.temporal.ChronoUnit.DAYS.between(firstDate, LocalDate.ofInstant(now, zone));
    if (behind > 0) {
      n = (int) Math.max(n, behind / stepDays);
    }
    while (!start(firstDate, n).toInstant().isAfter(now)) {
      n++;
    }
    return n;
  }

  /** The rule as people read it, e.g. "every 2 weeks on Thursday at 15:00 (America/New_York)". */
  public String describe() {
    String step =
        every == 1
            ? (unit == Unit.WEEK ? "every week" : "every day")
            : "every " + every + (unit == Unit.WEEK ? " weeks" : " days");
    String on =
        unit == Unit.WEEK ? " on " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) : "";
    return step + on + " at " + time + " (" + zone.getId() + ")";
  }
}
