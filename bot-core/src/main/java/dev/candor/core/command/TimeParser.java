package dev.candor.core.command;

import static dev.candor.core.command.Tokenizer.shown;

import dev.candor.core.CandorException;
import dev.candor.core.command.Tokenizer.Token;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a session's start in two steps: {@link #parse} checks the form before the time zone is
 * known (it may be given later in the command), {@link Start#resolve} places it in that zone.
 */
final class TimeParser {
  static final String FORMS = "2026-12-03 15:00, 2026-12-03T15:00, tomorrow 15:00 or in 2h";

  /** How far ahead a start may be, so that a typo such as in 999d fails here, not in storage. */
  static final int MAX_YEARS_AHEAD = 2;

  private static final String TIME = "(\\d{1,2})(?::(\\d{2})(?::(\\d{2}))?)?\\s*([ap]m)?";
  private static final Pattern RELATIVE = Pattern.compile("in\\s+(.+)");
  private static final Pattern DAY_TIME = Pattern.compile("(today|tomorrow)\\s+" + TIME);
  private static final Pattern DATE_TIME =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:t|\\s+)" + TIME);
  private static final Pattern TIME_ONLY = Pattern.compile(TIME);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern MERIDIEM = Pattern.compile("[ap]m");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TimeParser() {}

  /** A start as typed, not yet placed in a zone. */
  sealed interface Start {
    /** The start in {@code zone}; fails if it is not after {@code clock.instant()}. */
    ZonedDateTime resolve(Clock clock, ZoneId zone);
  }

  /** {@code in 2h}: a delay from now. */
  record After(String typed, Duration delay) implements Start {
    @Override
    public ZonedDateTime resolve(Clock clock, ZoneId zone) {
      if (delay.isZero()) {
        throw CandorException.invalid(
            "'" + shown(typed) + "' is not in the future. Write a delay such as in 2h or in 90m.");
      }
      Instant now = clock.instant();
      return notTooFar(
          typed,
          ZonedDateTime.ofInstant(now.plus(delay), zone).truncatedTo(ChronoUnit.SECONDS),
          now);
    }
  }

  /**
   * A wall-clock time on a date, or on today plus {@code daysAhead} when {@code date} is empty. A
   * time that falls in a daylight-saving gap moves forward by the gap, as {@link ZonedDateTime#of}
   * does; one in an overlap takes the earlier offset.
   */
  record At(String typed, Optional<LocalDate> date, int daysAhead, LocalTime time, boolean timeOnly)
      implements Start {
    @Override
    public ZonedDateTime resolve(Clock clock, ZoneId zone) {
      Instant now = clock.instant();
      LocalDate day = date.orElseGet(() -> LocalDate.ofInstant(now, zone).plusDays(daysAhead));
      ZonedDateTime start = ZonedDateTime.of(day, time, zone);
      if (!start.toInstant().isAfter(now)) {
        String nowShown = SHOWN.format(now.atZone(zone)) + " in " + zone.getId();
        throw CandorException.invalid(
            timeOnly
                ? "'"
                    + shown(typed)
                    + "' today is in the past (it is now "
                    + nowShown
                    + "). Write tomorrow "
                    + shown(typed)
                    + " or a date such as 2026-12-03 15:00."
                : "'"
                    + shown(typed)
                    + "' is in the past (it is now "
                    + nowShown
                    + "). Write a future start such as tomorrow 15:00 or in 2h.");
      }
      return notTooFar(typed, start, now);
    }
  }

  private static ZonedDateTime notTooFar(String typed, ZonedDateTime start, Instant now) {
    if (start.isAfter(now.atZone(start.getZone()).plusYears(MAX_YEARS_AHEAD))) {
      throw CandorException.invalid(
          "'"
              + shown(typed)
              + "' is more than "
              + MAX_YEARS_AHEAD
              + " years ahead. Write a nearer start such as tomorrow 15:00 or in 2h.");
    }
    return start;
  }

  /**
   * How many of {@code tokens}, from {@code from}, make up the start: {@code in} takes the duration
   * parts after it, {@code today}, {@code tomorrow} and a bare date take a time, and a time may be
   * followed by {@code am} or {@code pm}. Never reaches past a token {@code stop} accepts.
   */
  static int length(List<Token> tokens, int from, Predicate<Token> stop) {
    int available = 0;
    while (from + available < tokens.size() && !stop.test(tokens.get(from + available))) {
      available++;
    }
    if (available == 0) {
      return 0;
    }
    String first = lower(tokens.get(from).text());
    int wanted = 1;
    if (first.equals("in")) {
      wanted = 2;
      while (wanted < available
          && DurationParser.parse(tokens.get(from + wanted).text()).isPresent()) {
        wanted++;
      }
    } else if (first.equals("today") || first.equals("tomorrow") || DATE.matcher(first).matches()) {
      wanted = 2;
    }
    wanted = Math.min(wanted, available);
    if (wanted < available && MERIDIEM.matcher(lower(tokens.get(from + wanted).text())).matches()) {
      wanted++;
    }
    return wanted;
  }

  /** Whether {@code word} is where a start begins, so cannot be an unquoted title. */
  static boolean looksLikeStart(String word) {
    String w = lower(word);
    return w.equals("in")
        || w.equals("today")
        || w.equals("tomorrow")
        || DATE.matcher(w).matches()
        || parse(w).isPresent();
  }

  /** The start {@code typed} describes, or nothing if it has none of the accepted forms. */
  static Optional<Start> parse(String typed) {
    String text = lower(typed);
    try {
      Matcher m = RELATIVE.matcher(text);
      if (m.matches()) {
        return DurationParser.parse(m.group(1).replace(" ", ""))
            .map(delay -> new After(typed, delay));
      }
      m = DAY_TIME.matcher(text);
      if (m.matches()) {
        int days = m.group(1).equals("today") ? 0 : 1;
        return time(m, 2).map(t -> new At(typed, Optional.empty(), days, t, false));
      }
      m = DATE_TIME.matcher(text);
      if (m.matches()) {
        LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        return time(m, 4).map(t -> new At(typed, Optional.of(date), 0, t, false));
      }
      m = TIME_ONLY.matcher(text);
      if (m.matches()) {
        return time(m, 1).map(t -> new At(typed, Optional.empty(), 0, t, true));
      }
    } catch (DateTimeException e) {
      // a date such as 2026-02-30: answered below like any other non-date
    }
    return Optional.empty();
  }

  /** The time in groups {@code first} (hour) to {@code first + 3} (am/pm). */
  private static Optional<LocalTime> time(Matcher m, int first) {
    int hour = number(m, first);
    boolean hasMinutes = m.group(first + 1) != null;
    int minute = hasMinutes ? number(m, first + 1) : 0;
    int second = m.group(first + 2) == null ? 0 : number(m, first + 2);
    String meridiem = m.group(first + 3);
    if (meridiem == null) {
      // a bare "15" is too easily a typo for a time to guess at
      return hasMinutes ? Optional.of(LocalTime.of(hour, minute, second)) : Optional.empty();
    }
    if (hour < 1 || hour > 12) {
      return Optional.empty();
    }
    int hour24 = hour % 12 + (meridiem.equals("pm") ? 12 : 0);
    return Optional.of(LocalTime.of(hour24, minute, second));
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
