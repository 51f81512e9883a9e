package dev.candor.core.command;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code 45m}, {@code 1h30m}, {@code 90s}, {@code 1d} or {@code 0}. */
final class DurationParser {
  static final String FORMS = "45m, 1h, 1h30m or 90s";

  // Nine digits per part keep every sum far from overflow, whatever the unit.
  private static final Pattern FORM =
      Pattern.compile(
          "(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?",
          Pattern.CASE_INSENSITIVE);

  private DurationParser() {}

  /** The duration {@code text} stands for, or nothing if it has another form. */
  static Optional<Duration> parse(String text) {
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = FORM.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofDays(part(m, 1))
            .plusHours(part(m, 2))
            .plusMinutes(part(m, 3))
            .plusSeconds(part(m, 4)));
  }

  /** Writes {@code d} the way people type it, e.g. {@code 1d2h30m}; zero is {@code 0s}. */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, d.toDaysPart(), "d");
    append(sb, d.toHoursPart(), "h");
    append(sb, d.toMinutesPart(), "m");
    append(sb, d.toSecondsPart(), "s");
    return sb.toString();
  }

  private static void append(StringBuilder sb, long amount, String unit) {
    if (amount != 0) {
      sb.append(amount).append(unit);
    }
  }

  private static long part(Matcher m, int group) {
    String digits = m.group(group);
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
