package dev.candor.app.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration form of the configuration: {@code 45s}, {@code 10m}, {@code 1h30m}, {@code 2h},
 * {@code 7d}, {@code 500ms} or {@code 0}; units largest first, each at most once.
 */
final class DurationText {
  static final String FORM = "a duration such as 45s, 10m, 1h30m, 2h or 7d";

  private static final Pattern FORM_PATTERN =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

  private DurationText() {}

  /** The duration, or empty if the text is not in the configuration form. */
  static Optional<Duration> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = FORM_PATTERN.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    try {
      Duration d =
          Duration.ofDays(number(m.group(1)))
              .plusHours(number(m.group(2)))
              .plusMinutes(number(m.group(3)))
              .plusSeconds(number(m.group(4)))
              .plusMillis(number(m.group(5)));
      return Optional.of(d);
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /** Formats a duration in the configuration form, e.g. {@code 1h30m}; the inverse of parse. */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    StringBuilder out = new StringBuilder();
    append(out, d.toDaysPart(), "d");
    append(out, d.toHoursPart(), "h");
    append(out, d.toMinutesPart(), "m");
    append(out, d.toSecondsPart(), "s");
    append(out, d.toMillisPart(), "ms");
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount > 0) {
      out.append(amount).append(unit);
    }
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
