package dev.candor.core.command;

import static dev.candor.core.command.Tokenizer.shown;

import dev.candor.core.CandorException;
import dev.candor.core.command.Tokenizer.Token;
import dev.candor.core.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code reschedule <session> <start> [for <duration>] [tz <zone>]}. The start takes the same
 * forms as in {@code schedule}; without {@code tz} it is read in the session's own zone, which only
 * the core knows, so it is placed in a zone when the command runs.
 */
final class RescheduleParser {
  static final String FORM = "reschedule <session> <start> [for <duration>] [tz <zone>]";
  static final String EXAMPLE = "reschedule s12 tomorrow 16:00 for 45m";

  private final Clock clock;

  RescheduleParser(Clock clock) {
    this.clock = clock;
  }

  Command.Reschedule parse(Tokenizer args) {
    SessionId session = SessionId.parse(shown(args.required("session id")));
    List<Token> tokens = args.tokens();
    int length = TimeParser.length(tokens, 0, RescheduleParser::isKeyword);
    String typed =
        tokens.subList(0, length).stream().map(Token::text).collect(Collectors.joining(" "));
    TimeParser.Start start =
        TimeParser.parse(typed)
            .orElseThrow(
                () ->
                    CandorException.invalid(
                        (typed.isEmpty() ? "Missing start" : "'" + shown(typed) + "' is not a date")
                            + ". Write the new start as "
                            + TimeParser.FORMS
                            + ". Try: "
                            + EXAMPLE));
    Optional<Duration> duration = Optional.empty();
    Optional<ZoneId> zone = Optional.empty();
    int i = length;
    while (i < tokens.size()) {
      Token option = tokens.get(i);
      int end = i + 1;
      while (end < tokens.size() && !isKeyword(tokens.get(end))) {
        end++;
      }
      List<String> values = tokens.subList(i + 1, end).stream().map(Token::text).toList();
      String key = option.text().toLowerCase(Locale.ROOT);
      if (!isKeyword(option)) {
        throw CandorException.invalid(
            "Unknown option '" + shown(option.text()) + "'. Try: " + FORM);
      } else if (key.equals("for") && duration.isEmpty()) {
        duration =
            Optional.of(
                ScheduleParser.duration(
                    values,
                    ScheduleParser.MIN_LENGTH,
                    ScheduleParser.MAX_LENGTH,
                    "A session lasts",
                    "for 1h30m"));
      } else if (key.equals("tz") && zone.isEmpty()) {
        zone =
            Optional.of(
                ScheduleParser.zone(ScheduleParser.single(values, key, "tz Europe/Berlin")));
      } else {
        throw CandorException.invalid("The option '" + key + "' is given twice. Try: " + FORM);
      }
      i = end;
    }
    Optional<ZoneId> given = zone;
    return new Command.Reschedule(
        session, sessionZone -> start.resolve(clock, given.orElse(sessionZone)), duration);
  }

  private static boolean isKeyword(Token token) {
    String t = token.text().toLowerCase(Locale.ROOT);
    return !token.quoted() && (t.equals("for") || t.equals("tz"));
  }
}
