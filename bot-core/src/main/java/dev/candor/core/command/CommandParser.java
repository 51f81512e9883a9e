package dev.candor.core.command;

import static dev.candor.core.command.Tokenizer.shown;

import dev.candor.core.CandorException;
import dev.candor.core.Checks;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a person typed into a {@link Command}: the one parser behind Slack slash commands,
 * Teams messages and the console. Every mistake fails with an {@link CandorException} of kind
 * {@code INVALID_INPUT} whose message is one line saying what was wrong and how to write it.
 *
 * <p>The command word and option keywords are case-insensitive. Titles may be quoted with straight
 * or typographic quotes ({@code "…"}, {@code “…”}, {@code ‘…’}). The free text of {@code ask},
 * {@code hide} and {@code answer} is kept as typed, quotes and spacing included; its length is
 * checked where it is used ({@link dev.candor.core.question.QuestionText}).
 *
 * <p>Start times are read as {@code 2026-12-03 15:00}, {@code 2026-12-03T15:00}, {@code today
 * 15:00}, {@code tomorrow 3pm}, a bare {@code 15:00} (today, if still ahead) or {@code in 1h30m},
 * in the zone given by {@code tz} anywhere in the command, else the default zone. A local time in a
 * daylight-saving gap moves forward by the length of the gap. A start must lie after now and at
 * most two years ahead.
 */
public final class CommandParser {
  /** The most characters (code points) a command may have. */
  public static final int MAX_LENGTH = 4000;

  private static final String HELP = "help [topic]";
  private static final String SESSIONS = "sessions";
  private static final String ASK = "ask [<session>] <text>";
  private static final String QUESTIONS = "questions [<session>]";
  private static final String VOTE = "vote <question>";
  private static final String UNVOTE = "unvote <question>";
  private static final String WITHDRAW = "withdraw <question>";
  private static final String LIFECYCLE = "open|close|cancel|archive <session>";
  private static final String HIDE = "hide <question> [reason]";
  private static final String ANSWER = "answer <question> [text]";
  private static final String MERGE = "merge <question> into <question>";
  private static final String APPROVE = "approve <question>";
  private static final String SUMMARY = "summary [<session>]";
  private static final String EXPORT = "export <session> csv|json|md";
  private static final String CARRY = "carry <session>";
  private static final String STOP = "stop <session>";

  /** Every command's form, one line each, in the order the help text lists them. */
  public static final List<String> FORMS =
      List.of(
          HELP,
          SESSIONS,
          ScheduleParser.FORM,
          ASK,
          QUESTIONS,
          VOTE,
          UNVOTE,
          WITHDRAW,
          LIFECYCLE,
          HIDE,
          ANSWER,
          MERGE,
          APPROVE,
          SUMMARY,
          EXPORT,
          InsightParser.THEMES,
          InsightParser.MERGE_CLUSTER,
          InsightParser.FOLLOWUP,
          InsightParser.TALLIES,
          InsightParser.ESCALATE,
          InsightParser.PRESENT,
          RescheduleParser.FORM,
          CARRY,
          STOP);

  private final ScheduleParser schedule;
  private final RescheduleParser reschedule;

  /**
   * @param clock what "now", "today" and "in 2h" are measured from
   * @param defaultZone the zone of start times written without {@code tz}
   */
  public CommandParser(Clock clock, ZoneId defaultZone) {
    this.schedule =
        new ScheduleParser(Checks.notNull(clock, "clock"), Checks.notNull(defaultZone, "zone"));
    this.reschedule = new RescheduleParser(clock);
  }

  /**
   * Parses one command. Empty or blank text (or {@code null}) asks for help.
   *
   * @throws CandorException of kind {@code INVALID_INPUT}, with a one-line message, for any input
   *     that is not a command
   */
  public Command parse(String text) {
    String input = text == null ? "" : Tokenizer.strip(text);
    if (input.isEmpty()) {
      return new Command.Help(Optional.empty());
    }
    int length = input.codePointCount(0, input.length());
    if (length > MAX_LENGTH) {
      throw CandorException.invalid(
          "A command may have at most "
              + MAX_LENGTH
              + " characters; this one has "
              + length
              + ". Shorten it and send it again.");
    }
    int space = Tokenizer.firstSpace(input);
    String verb = input.substring(0, space).toLowerCase(Locale.ROOT);
    String rest = input.substring(space);
    return switch (verb) {
      case "help" -> help(args(rest, HELP));
      case "sessions" -> done(args(rest, SESSIONS), new Command.Sessions());
      case "schedule" -> schedule.parse(new Tokenizer(rest, "Try: " + ScheduleParser.EXAMPLE));
      case "ask" -> ask(args(rest, ASK));
      case "questions" -> new Command.Questions(optionalSession(args(rest, QUESTIONS)));
      case "vote" -> new Command.Vote(onlyQuestion(args(rest, VOTE)));
      case "unvote" -> new Command.Unvote(onlyQuestion(args(rest, UNVOTE)));
      case "withdraw" -> new Command.Withdraw(onlyQuestion(args(rest, WITHDRAW)));
      case "open" -> lifecycle(Command.Lifecycle.Action.OPEN, verb, rest);
      case "close" -> lifecycle(Command.Lifecycle.Action.CLOSE, verb, rest);
      case "cancel" -> lifecycle(Command.Lifecycle.Action.CANCEL, verb, rest);
      case "archive" -> lifecycle(Command.Lifecycle.Action.ARCHIVE, verb, rest);
      case "hide" -> hide(args(rest, HIDE));
      case "answer" -> answer(args(rest, ANSWER));
      case "merge" -> merge(args(rest, MERGE));
      case "approve" -> new Command.Approve(onlyQuestion(args(rest, APPROVE)));
      case "summary" -> new Command.Summary(optionalSession(args(rest, SUMMARY)));
      case "export" -> export(args(rest, EXPORT));
      case "reschedule" ->
          reschedule.parse(new Tokenizer(rest, "Try: " + RescheduleParser.EXAMPLE));
      case "carry" -> new Command.Carry(onlySession(args(rest, CARRY)));
      case "stop" -> new Command.Stop(onlySession(args(rest, STOP)));
      case "themes", "merge-cluster", "followup", "tallies", "escalate", "present" ->
          InsightParser.parse(verb, rest);
      default -> throw CandorException.invalid("Unknown command '" + shown(verb) + "'. Try: help");
    };
  }

  private static Tokenizer args(String rest, String form) {
    return new Tokenizer(rest, "Try: " + form);
  }

  private static <T> T done(Tokenizer args, T result) {
    args.end();
    return result;
  }

  private static Command help(Tokenizer args) {
    Optional<String> topic = args.optional().map(t -> shown(t).toLowerCase(Locale.ROOT));
    return done(args, new Command.Help(topic));
  }

  private static Command ask(Tokenizer args) {
    Optional<SessionId> session = args.wordIf(SessionId::looksLike).map(SessionId::parse);
    if (args.atEnd()) {
      throw CandorException.invalid("Missing question text. Try: " + ASK);
    }
    return new Command.Ask(session, args.rest());
  }

  private static Optional<SessionId> optionalSession(Tokenizer args) {
    Optional<SessionId> session = args.optional().map(CommandParser::session);
    return done(args, session);
  }

  private static SessionId onlySession(Tokenizer args) {
    SessionId session = session(args.required("session id"));
    args.end();
    return session;
  }

  private static QuestionId onlyQuestion(Tokenizer args) {
    QuestionId question = question(args.required("question id"));
    args.end();
    return question;
  }

  private static Command lifecycle(Command.Lifecycle.Action action, String verb, String rest) {
    Tokenizer args = args(rest, verb + " <session>");
    SessionId session = session(args.required("session id"));
    return done(args, new Command.Lifecycle(action, session));
  }

  private static Command hide(Tokenizer args) {
    QuestionId question = question(args.required("question id"));
    return new Command.Hide(question, freeText(args));
  }

  private static Command answer(Tokenizer args) {
    QuestionId question = question(args.required("question id"));
    return new Command.Answer(question, freeText(args));
  }

  private static Optional<String> freeText(Tokenizer args) {
    return args.atEnd() ? Optional.empty() : Optional.of(args.rest());
  }

  private static Command merge(Tokenizer args) {
    String duplicate = args.required("question id");
    boolean into = args.next().filter(t -> t.is("into")).isPresent();
    if (!into) {
      throw CandorException.invalid("Missing 'into' between the two questions. Try: " + MERGE);
    }
    String original = args.required("question id after 'into'");
    args.end();
    return new Command.Merge(question(duplicate), question(original));
  }

  private static Command export(Tokenizer args) {
    SessionId session = session(args.required("session id"));
    String typed = args.required("format");
    args.end();
    Command.ExportFormat format =
        switch (typed.toLowerCase(Locale.ROOT)) {
          case "csv" -> Command.ExportFormat.CSV;
          case "json" -> Command.ExportFormat.JSON;
          case "md" -> Command.ExportFormat.MD;
          default ->
              throw CandorException.invalid(
                  "'" + shown(typed) + "' is not an export format. Try: " + EXPORT);
        };
    return new Command.Export(session, format);
  }

  // shown(...) first, so the id parsers' messages, which quote what was typed, stay on one line.
  private static SessionId session(String typed) {
    return SessionId.parse(shown(typed));
  }

  private static QuestionId question(String typed) {
    return QuestionId.parse(shown(typed));
  }
}
