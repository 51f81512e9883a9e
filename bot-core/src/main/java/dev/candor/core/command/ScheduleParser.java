package dev.candor.core.command;

import static dev.candor.core.command.Tokenizer.shown;

import dev.candor.core.CandorException;
import dev.candor.core.command.Tokenizer.Token;
import dev.candor.core.question.QuestionText;
import dev.candor.core.series.Recurrence;
import dev.candor.core.session.SessionSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the arguments of {@code schedule}. */
final class ScheduleParser {
  static final String FORM =
      "schedule \"<title>\" <start> [for <duration>] [tz <zone>] [moderators <user> ...]"
          + " [channels <platform:channel> ...] [k <n>] [release <duration>] [premoderate]"
          + " [reminders <durations>|none]";
  static final String EXAMPLE = "schedule \"Town hall\" tomorrow 15:00 for 1h tz Europe/Berlin";
  static final int MAX_TITLE = 200;
  static final Duration MIN_LENGTH = Duration.ofMinutes(1);
  static final Duration MAX_LENGTH = Duration.ofDays(7);
  static final Duration MAX_RELEASE = Duration.ofDays(1);
  static final Duration MIN_REMINDER = Duration.ofMinutes(1);
  static final Duration MAX_REMINDER = Duration.ofDays(30);
  static final int MAX_REMINDERS = 10;

  private static final List<String> KEYWORDS =
      List.of("for", "tz", "moderators", "channels", "k", "release", "premoderate", "reminders");

  private final Clock clock;
  private final ZoneId defaultZone;

  ScheduleParser(Clock clock, ZoneId defaultZone) {
    this.clock = clock;
    this.defaultZone = defaultZone;
  }

  /** The options after the start, as typed and checked, before the start is placed in a zone. */
  private static final class Options {
    Optional<Duration> duration = Optional.empty();
    Optional<ZoneId> zone = Optional.empty();
    List<String> moderators = List.of();
    List<String> channels = List.of();
    Optional<Integer> minAskers = Optional.empty();
    Optional<Duration> release = Optional.empty();
    boolean premoderated;
    Optional<List<Duration>> reminders = Optional.empty();
  }

  Command.Schedule parse(Tokenizer args) {
    List<Token> tokens = args.tokens();
    if (tokens.isEmpty() || !isTitle(tokens.get(0))) {
      throw CandorException.invalid("A session needs a title before its start. Try: " + EXAMPLE);
    }
    Token titleToken = tokens.get(0);
    String title = title(titleToken.text());
    if (tokens.size() > 1 && isEvery(tokens.get(1))) {
      return series(title, tokens);
    }
    int length = TimeParser.length(tokens, 1, this::isKeyword);
    String typed =
        tokens.subList(1, 1 + length).stream().map(Token::text).collect(Collectors.joining(" "));
    TimeParser.Start start =
        TimeParser.parse(typed).orElseThrow(() -> notAStart(typed, titleToken.quoted()));
    Options options = options(tokens, 1 + length);
    return schedule(
        title, start.resolve(clock, options.zone.orElse(defaultZone)), options, Optional.empty());
  }

  /** {@code schedule "<title>" every ...}: the start is the first occurrence after now. */
  private Command.Schedule series(String title, List<Token> tokens) {
    int end = 2;
    while (end < tokens.size() && !isKeyword(tokens.get(end))) {
      end++;
    }
    RecurrenceParser.Rule rule =
        RecurrenceParser.parse(tokens.subList(2, end).stream().map(Token::text).toList());
    Options options = options(tokens, end);
    Recurrence recurrence = rule.in(options.zone.orElse(defaultZone));
    ZonedDateTime first = recurrence.start(recurrence.firstDate(clock.instant()), 1);
    return schedule(title, first, options, Optional.of(recurrence));
  }

  private static Command.Schedule schedule(
      String title, ZonedDateTime start, Options options, Optional<Recurrence> every) {
    return new Command.Schedule(
        title,
        start,
        options.duration,
        options.moderators,
        options.channels,
        options.minAskers,
        options.release,
        options.premoderated,
        options.reminders,
        every);
  }

  private static boolean isEvery(Token token) {
    return !token.quoted() && token.text().equalsIgnoreCase("every");
  }

  private boolean isKeyword(Token token) {
    return !token.quoted() && KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
  }

  private boolean isTitle(Token token) {
    return token.quoted()
        || !(isKeyword(token) || isEvery(token) || TimeParser.looksLikeStart(token.text()));
  }

  private static String title(String typed) {
    String title = QuestionText.sanitize(typed);
    int length = title.codePointCount(0, title.length());
    if (length == 0) {
      throw CandorException.invalid("The title is empty. Try: " + EXAMPLE);
    }
    if (length > MAX_TITLE) {
      throw CandorException.invalid(
          "A title may have at most "
              + MAX_TITLE
              + " characters; this one has "
              + length
              + ". Try: "
              + EXAMPLE);
    }
    return title;
  }

  private static CandorException notAStart(String typed, boolean titleQuoted) {
    String what = typed.isEmpty() ? "Missing start" : "'" + shown(typed) + "' is not a date";
    String hint = titleQuoted ? "" : " A title with spaces goes in quotes: \"Town hall\".";
    return CandorException.invalid(what + ". Write the start as " + TimeParser.FORMS + "." + hint);
  }

  private Options options(List<Token> tokens, int from) {
    Options options = new Options();
    Set<String> seen = new HashSet<>();
    int i = from;
    while (i < tokens.size()) {
      Token option = tokens.get(i);
      if (!isKeyword(option)) {
        throw CandorException.invalid(
            "Unknown option '" + shown(option.text()) + "'. Try: " + FORM);
      }
      String key = option.text().toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        throw CandorException.invalid("The option '" + key + "' is given twice. Try: " + FORM);
      }
      int end = i + 1;
      while (end < tokens.size() && !isKeyword(tokens.get(end))) {
        end++;
      }
      apply(options, key, tokens.subList(i + 1, end).stream().map(Token::text).toList());
      i = end;
    }
    return options;
  }

  private static void apply(Options options, String key, List<String> values) {
    switch (key) {
      case "for" ->
          options.duration =
              Optional.of(duration(values, MIN_LENGTH, MAX_LENGTH, "A session lasts", "for 1h30m"));
      case "tz" -> options.zone = Optional.of(zone(single(values, key, "tz Europe/Berlin")));
      case "moderators" -> options.moderators = atLeastOne(values, key, "moderators @ana @ben");
      case "channels" -> options.channels = atLeastOne(values, key, "channels slack:C0123");
      case "k" -> options.minAskers = Optional.of(minAskers(single(values, key, "k 5")));
      case "reminders" -> options.reminders = Optional.of(reminders(values));
      case "release" ->
          options.release =
              Optional.of(
                  duration(
                      values, Duration.ZERO, MAX_RELEASE, "The release interval is", "release 2m"));
      default -> { // premoderate, a flag
        if (!values.isEmpty()) {
          throw CandorException.invalid(
              "Unknown option '" + shown(values.get(0)) + "'. Try: " + FORM);
        }
        options.premoderated = true;
      }
    }
  }

  /** {@code reminders 24h,1h,10m} (commas or spaces) or {@code reminders none}. */
  private static List<Duration> reminders(List<String> values) {
    String example = "reminders 24h,1h,10m";
    if (values.size() == 1 && values.get(0).equalsIgnoreCase("none")) {
      return List.of();
    }
    List<String> parts =
        values.stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(",")))
            .filter(v -> !v.isBlank())
            .toList();
    if (parts.isEmpty()) {
      throw CandorException.invalid(
          "Missing value after 'reminders'. Try: " + example + " or reminders none");
    }
    List<Duration> offsets =
        parts.stream()
            .map(
                v ->
                    duration(
                        List.of(v), MIN_REMINDER, MAX_REMINDER, "A reminder goes out", example))
            .distinct()
            .toList();
    if (offsets.size() > MAX_REMINDERS) {
      throw CandorException.invalid(
          "At most " + MAX_REMINDERS + " reminders per session. Try: " + example);
    }
    return offsets;
  }

  static String single(List<String> values, String key, String example) {
    if (values.isEmpty()) {
      throw CandorException.invalid("Missing value after '" + key + "'. Try: " + example);
    }
    if (values.size() > 1) {
      throw CandorException.invalid("Unknown option '" + shown(values.get(1)) + "'. Try: " + FORM);
    }
    return values.get(0);
  }

  private static List<String> atLeastOne(List<String> values, String key, String example) {
    if (values.isEmpty()) {
      throw CandorException.invalid("Missing value after '" + key + "'. Try: " + example);
    }
    return values;
  }

  static Duration duration(
      List<String> values, Duration min, Duration max, String what, String example) {
    if (values.isEmpty()) {
      throw CandorException.invalid("Missing duration. Try: " + example);
    }
    String typed = String.join(" ", values);
    Duration d =
        DurationParser.parse(String.join("", values))
            .orElseThrow(
                () ->
                    CandorException.invalid(
                        "'"
                            + shown(typed)
                            + "' is not a duration. Write it as "
                            + DurationParser.FORMS
                            + ", e.g. "
                            + example
                            + "."));
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw CandorException.invalid(
          what
              + " between "
              + DurationParser.format(min)
              + " and "
              + DurationParser.format(max)
              + ", not "
              + DurationParser.format(d)
              + ". Try: "
              + example);
    }
    return d;
  }

  static ZoneId zone(String typed) {
    try {
      return ZoneId.of(typed);
    } catch (DateTimeException e) {
      // people type europe/berlin as often as Europe/Berlin
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(typed)) {
          return ZoneId.of(id);
        }
      }
    }
    throw CandorException.invalid(
        "'"
            + shown(typed)
            + "' is not a time zone. Write an IANA zone such as Europe/Berlin or"
            + " America/New_York, e.g. tz Europe/Berlin.");
  }

  private static int minAskers(String typed) {
    if (!typed.matches("-?\\d{1,9}")) {
      throw CandorException.invalid(
          "'" + shown(typed) + "' is not a whole number. Try: k 5 (at least 3).");
    }
    int k = Integer.parseInt(typed);
    if (k < SessionSettings.MIN_K) {
      throw CandorException.invalid(
          "k must be at least "
              + SessionSettings.MIN_K
              + " to protect anonymity: with fewer askers a question could be traced to its"
              + " author. Try: k 5");
    }
    return k;
  }
}
