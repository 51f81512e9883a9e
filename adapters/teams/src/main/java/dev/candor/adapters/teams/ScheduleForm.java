package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.core.CandorException;
import dev.candor.core.CandorSettings;
import dev.candor.core.command.Command;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the "Schedule a session" dialog into the same {@link Command.Schedule} the text command
 * builds; the core checks the rest (title, start ahead, k of at least 3). Mistakes fail with a
 * one-line {@link CandorException} that the dialog shows above its inputs.
 */
final class ScheduleForm {
  private final Clock clock;
  private final CandorSettings settings;

  ScheduleForm(Clock clock, CandorSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /** What a fresh dialog shows: tomorrow 15:00 in the default zone, default length and k. */
  DialogCards.ScheduleDraft defaults() {
    ZoneId zone = settings.defaultZone();
    return new DialogCards.ScheduleDraft(
        null,
        LocalDate.now(clock.withZone(zone)).plusDays(1).toString(),
        "15:00",
        zone.getId(),
        Long.toString(settings.defaultDuration().toMinutes()),
        null,
        Integer.toString(settings.sessionDefaults().minAskers()));
  }

  /** The dialog's values as they were submitted, to show them again. */
  static DialogCards.ScheduleDraft draft(JsonNode data) {
    return new DialogCards.ScheduleDraft(
        text(data, CardIds.TITLE),
        text(data, CardIds.DATE),
        text(data, CardIds.TIME),
        text(data, CardIds.ZONE),
        text(data, CardIds.MINUTES),
        text(data, CardIds.MODERATORS),
        text(data, CardIds.MIN_ASKERS));
  }

  Command.Schedule command(JsonNode data) {
    ZoneId zone = zone(text(data, CardIds.ZONE));
    LocalDate date = parse(text(data, CardIds.DATE), LocalDate::parse, "Pick a date.");
    LocalTime time = parse(text(data, CardIds.TIME), LocalTime::parse, "Pick a start time.");
    Optional<Duration> length =
        number(data, CardIds.MINUTES, "The length must be a whole number of minutes.")
            .map(Duration::ofMinutes);
    Optional<Integer> k = number(data, CardIds.MIN_ASKERS, "k must be a whole number, at least 3.");
    if (k.isPresent() && k.get() < 3) {
      throw CandorException.invalid(
          "k must be at least 3, so no question can be traced to one of two people.");
    }
    if (length.isPresent() && length.get().toMinutes() < 1) {
      throw CandorException.invalid("A session must last at least a minute.");
    }
    return new Command.Schedule(
        text(data, CardIds.TITLE),
        ZonedDateTime.of(date, time, zone),
        length,
        moderators(text(data, CardIds.MODERATORS)),
        List.of(),
        k,
        Optional.empty(),
        false);
  }

  private ZoneId zone(String text) {
    if (text.isBlank()) {
      return settings.defaultZone();
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw CandorException.invalid(
          "'"
              + text.strip()
              + "' is not a time zone. Write one like Europe/Berlin or America/New_York.");
    }
  }

  /** The people picker's comma-separated Entra object ids, as Teams user references. */
  private static List<String> moderators(String text) {
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(id -> "teams:" + id)
        .toList();
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(String text, Parser<T> parser, String problem) {
    if (text.isBlank()) {
      throw CandorException.invalid(problem);
    }
    try {
      return parser.parse(text.strip());
    } catch (DateTimeException e) {
      throw CandorException.invalid(problem);
    }
  }

  private static Optional<Integer> number(JsonNode data, String key, String problem) {
    String text = text(data, key);
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of((int) Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      throw CandorException.invalid(problem);
    }
  }

  private static String text(JsonNode data, String key) {
    JsonNode node = data.path(key);
    return node.isMissingNode() || node.isNull() ? "" : node.asText("");
  }
}
