package dev.candor.adapters.slack.schedule;

import dev.candor.adapters.slack.interaction.ViewValues;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.CandorException;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a submitted "Schedule a session" modal into a {@link NewSession}, or into the errors Slack
 * shows beside each field. Only the form's own input is checked here (is there a date, is k a
 * number); the session's rules are the core's.
 */
final class ScheduleForm {
  static final int MAX_K = 1000;

  /** The longest session and the earliest reminder, as the text command allows them. */
  static final long MAX_MINUTES = Duration.ofDays(7).toMinutes();

  static final long MAX_REMINDER_SECONDS = Duration.ofDays(30).toSeconds();

  /** What the form gave: a request, or errors by block id. */
  record Result(Optional<NewSession> request, Map<String, String> errors) {}

  private ScheduleForm() {}

  static Result read(ViewValues v, SessionSettings defaults, Instant now) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = v.text(Ids.Schedule.TITLE_BLOCK, Ids.Schedule.VALUE).orElse("");
    if (title.isBlank()) {
      errors.put(Ids.Schedule.TITLE_BLOCK, "Give the session a title.");
    }
    Optional<ZoneId> zone = zone(v.selected(Ids.Schedule.ZONE_BLOCK, Ids.Schedule.VALUE));
    if (zone.isEmpty()) {
      errors.put(Ids.Schedule.ZONE_BLOCK, "Choose a time zone.");
    }
    Optional<ZonedDateTime> start = start(v, zone.orElse(ZoneId.of("UTC")));
    if (start.isEmpty()) {
      errors.put(Ids.Schedule.DATE_BLOCK, "Choose a date and a start time.");
    } else if (start.get().toInstant().isBefore(now)) {
      errors.put(Ids.Schedule.DATE_BLOCK, "The start is in the past; choose a time ahead.");
    }
    Optional<Duration> duration =
        number(v.selected(Ids.Schedule.DURATION_BLOCK, Ids.Schedule.VALUE))
            .filter(m -> m > 0 && m <= MAX_MINUTES)
            .map(Duration::ofMinutes);
    if (duration.isEmpty()) {
      errors.put(Ids.Schedule.DURATION_BLOCK, "Choose how long the session runs.");
    }
    List<String> channels = v.conversations(Ids.Schedule.CHANNELS_BLOCK, Ids.Schedule.VALUE);
    if (channels.isEmpty()) {
      errors.put(Ids.Schedule.CHANNELS_BLOCK, "Choose at least one channel.");
    }
    Optional<Integer> k =
        number(v.text(Ids.Schedule.K_BLOCK, Ids.Schedule.VALUE))
            .filter(n -> n >= SessionSettings.MIN_K && n <= MAX_K)
            .map(Long::intValue);
    if (k.isEmpty()) {
      errors.put(
          Ids.Schedule.K_BLOCK,
          "k must be a whole number from " + SessionSettings.MIN_K + " to " + MAX_K + ".");
    }
    if (!errors.isEmpty()) {
      return new Result(Optional.empty(), errors);
    }
    SessionSettings rules =
        defaults
            .withMinAskers(k.get())
            .withReminderOffsets(reminders(v))
            .withPremoderation(
                v.checked(Ids.Schedule.OPTIONS_BLOCK, Ids.Schedule.VALUE)
                    .contains(ScheduleModal.PREMODERATE));
    try {
      return new Result(
          Optional.of(
              new NewSession(
                  title,
                  start.get().toInstant(),
                  start.get().plus(duration.get()).toInstant(),
                  zone.get(),
                  channels.stream().map(c -> new ChannelRef(Platform.SLACK, c)).toList(),
                  v.users(Ids.Schedule.MODERATORS_BLOCK, Ids.Schedule.VALUE).stream()
                      .map(u -> new UserRef(Platform.SLACK, u))
                      .toList(),
                  rules)),
          Map.of());
    } catch (CandorException e) {
      return new Result(Optional.empty(), Map.of(Ids.Schedule.TITLE_BLOCK, e.getMessage()));
    } catch (DateTimeException e) {
      // A start so far ahead that its end is past the last instant Java can represent.
      return new Result(
          Optional.empty(), Map.of(Ids.Schedule.DATE_BLOCK, "Choose a date and a start time."));
    }
  }

  private static Optional<ZonedDateTime> start(ViewValues v, ZoneId zone) {
    Optional<String> date = v.date(Ids.Schedule.DATE_BLOCK, Ids.Schedule.VALUE);
    Optional<String> time = v.time(Ids.Schedule.TIME_BLOCK, Ids.Schedule.VALUE);
    if (date.isEmpty() || time.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ZonedDateTime.of(LocalDate.parse(date.get()), LocalTime.parse(time.get()), zone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static List<Duration> reminders(ViewValues v) {
    return v.checked(Ids.Schedule.REMINDERS_BLOCK, Ids.Schedule.VALUE).stream()
        .map(ScheduleForm::number)
        .flatMap(Optional::stream)
        .filter(s -> s > 0 && s <= MAX_REMINDER_SECONDS)
        .map(Duration::ofSeconds)
        .toList();
  }

  private static Optional<ZoneId> zone(Optional<String> id) {
    try {
      return id.map(ZoneId::of);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> number(Optional<String> text) {
    return text.flatMap(ScheduleForm::number);
  }

  private static Optional<Long> number(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
