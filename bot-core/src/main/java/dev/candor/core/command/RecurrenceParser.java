package dev.candor.core.command;

import static dev.candor.core.command.Tokenizer.shown;

import dev.candor.core.CandorException;
import dev.candor.core.series.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the rule of a recurring session, {@code every [<n>] day|days|week|weeks [<weekday>]
 * <time>}, e.g. {@code every 2 weeks thu 15:00}, {@code every week mon 9:30am}, {@code every day
 * 17:00} or {@code every friday 16:00}. The zone is applied later, once {@code tz} is known.
 */
final class RecurrenceParser {
  static final String FORM = "every [<n>] day(s)|week(s) [<weekday>] <time>";
  static final String EXAMPLE = "every 2 weeks thu 15:00";

  private RecurrenceParser() {}

  /** A rule as typed, before its zone is known. */
  record Rule(int every, Recurrence.Unit unit, DayOfWeek day, LocalTime time) {
    Recurrence in(ZoneId zone) {
      return new Recurrence(every, unit, day, time, zone);
    }
  }

  /** Reads the words after {@code every}. */
  static Rule parse(List<String> words) {
    String typed = "every " + String.join(" ", words);
    int i = 0;
    Optional<Integer> n = Optional.empty();
    if (i < words.size() && words.get(i).matches("\\d{1,4}")) {
      n = Optional.of(Integer.parseInt(words.get(i++)));
    }
    Recurrence.Unit unit = null;
    if (i < words.size()) {
      unit = unit(words.get(i));
      if (unit != null) {
        i++;
      }
    }
    DayOfWeek day = null;
    if (i < words.size()) {
      day = day(words.get(i));
      if (day != null) {
        i++;
      }
    }
    LocalTime time = time(words.subList(i, words.size()), typed);
    if (unit == null && day == null) {
      throw invalid(typed, "say how often: day(s) or week(s)");
    }
    if (unit == null) {
      unit = Recurrence.Unit.WEEK;
    }
    if (unit == Recurrence.Unit.WEEK && day == null) {
      throw invalid(typed, "say on which day, e.g. every week thu 15:00");
    }
    if (unit == Recurrence.Unit.DAY && day != null) {
      throw invalid(typed, "a daily session has no weekday; write every week " + words.get(i - 1));
    }
    int every = n.orElse(1);
    int max = unit == Recurrence.Unit.DAY ? Recurrence.MAX_EVERY_DAYS : Recurrence.MAX_EVERY_WEEKS;
    if (every < 1 || every > max) {
      throw invalid(
          typed,
          "the interval must be between 1 and "
              + max
              + (unit == Recurrence.Unit.DAY ? " days" : " weeks"));
    }
    return new Rule(every, unit, day, time);
  }

  private static Recurrence.Unit unit(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "day", "days" -> Recurrence.Unit.DAY;
      case "week", "weeks" -> Recurrence.Unit.WEEK;
      default -> null;
    };
  }

  /** A weekday written as its first three letters or in full, in English. */
  static DayOfWeek day(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (w.equals(full) || w.equals(full.substring(0, 3))) {
        return d;
      }
    }
    return null;
  }

  private static LocalTime time(List<String> words, String typed) {
    if (words.isEmpty()) {
      throw invalid(typed, "add the time, e.g. 15:00");
    }
    String text = String.join(" ", words);
    return TimeParser.parse(text)
        .filter(TimeParser.At.class::isInstance)
        .map(TimeParser.At.class::cast)
        .filter(TimeParser.At::timeOnly)
        .map(TimeParser.At::time)
        .orElseThrow(
            () -> invalid(typed, "'" + shown(text) + "' is not a time; write it as 15:00 or 3pm"));
  }

  private static CandorException invalid(String typed, String hint) {
    return CandorException.invalid(
        "'" + shown(typed) + "' is not a rule: " + hint + ". Try: " + EXAMPLE);
  }
}
