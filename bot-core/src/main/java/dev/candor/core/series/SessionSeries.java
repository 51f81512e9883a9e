package dev.candor.core.series;

import static dev.candor.core.Checks.check;
import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * A series of recurring sessions as stored: its rule, and the length of each occurrence. Each
 * occurrence is an ordinary session with its own questions and key; the other rules (channels,
 * moderators, k, reminders) are copied from one occurrence to the next.
 *
 * @param id {@code null} before the series is stored
 * @param firstDate the local date of occurrence 1
 * @param lastOccurrence set once the series is stopped: no occurrence after this number is made;
 *     {@code null} while it runs
 */
public record SessionSeries(
    SeriesId id,
    String title,
    Recurrence rule,
    LocalDate firstDate,
    Duration duration,
    Integer lastOccurrence) {

  public SessionSeries {
    notBlank(title, "title");
    notNull(rule, "rule");
    notNull(firstDate, "firstDate");
    notNull(duration, "duration");
    check(!duration.isNegative() && !duration.isZero(), "duration must be positive");
    check(
        rule.unit() != Recurrence.Unit.WEEK || firstDate.getDayOfWeek() == rule.day(),
        "the first date of a weekly series must fall on its day");
  }

  /** When occurrence {@code n} starts. */
  public ZonedDateTime start(int n) {
    return rule.start(firstDate, n);
  }

  /** Whether occurrence {@code n} may still be made. */
  public boolean allows(int n) {
    return lastOccurrence == null || n <= lastOccurrence;
  }

  public SessionSeries withId(SeriesId newId) {
    return new SessionSeries(newId, title, rule, firstDate, duration, lastOccurrence);
  }
}
