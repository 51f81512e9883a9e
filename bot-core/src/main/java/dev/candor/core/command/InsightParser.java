package dev.candor.core.command;

import static dev.candor.core.command.Tokenizer.shown;

import dev.candor.core.CandorException;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.TallyPolicy;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the arguments of the commands that act on what a session produced: {@code themes}, {@code
 * merge-cluster}, {@code followup}, {@code tallies}, {@code escalate} and {@code present}.
 */
final class InsightParser {
  static final String THEMES = "themes [<session>]";
  static final String MERGE_CLUSTER = "merge-cluster <question> [except <question> ...]";
  static final String FOLLOWUP = "followup <question> [owner <name>] [due <yyyy-mm-dd>] | done";
  static final String TALLIES = "tallies <session> live|hidden-until-close|moderators-only";
  static final String ESCALATE = "escalate <session> at <votes> | off";
  static final String PRESENT = "present <session> [renew]";

  /** The forms, in the order the help text lists them. */
  static final List<String> FORMS =
      List.of(THEMES, MERGE_CLUSTER, FOLLOWUP, TALLIES, ESCALATE, PRESENT);

  private InsightParser() {}

  /** Parses the arguments of {@code verb}; the verb must be one of this parser's. */
  static Command parse(String verb, String rest) {
    return switch (verb) {
      case "themes" -> themes(args(rest, THEMES));
      case "merge-cluster" -> mergeCluster(args(rest, MERGE_CLUSTER));
      case "followup" -> followup(args(rest, FOLLOWUP));
      case "tallies" -> tallies(args(rest, TALLIES));
      case "escalate" -> escalate(args(rest, ESCALATE));
      case "present" -> present(args(rest, PRESENT));
      default -> throw new IllegalArgumentException("not an insight command: " + verb);
    };
  }

  static boolean handles(String verb) {
    return switch (verb) {
      case "themes", "merge-cluster", "followup", "tallies", "escalate", "present" -> true;
      default -> false;
    };
  }

  private static Tokenizer args(String rest, String form) {
    return new Tokenizer(rest, "Try: " + form);
  }

  private static Command themes(Tokenizer args) {
    Optional<SessionId> session = args.optional().map(InsightParser::session);
    args.end();
    return new Command.Themes(session);
  }

  private static Command mergeCluster(Tokenizer args) {
    QuestionId question = question(args.required("question id"));
    List<QuestionId> except = new ArrayList<>();
    if (!args.atEnd()) {
      if (args.next().filter(t -> t.is("except")).isEmpty()) {
        throw CandorException.invalid(
            "After the question only 'except <question> ...' may follow. Try: " + MERGE_CLUSTER);
      }
      while (!args.atEnd()) {
        except.add(question(args.required("question id after 'except'")));
      }
      if (except.isEmpty()) {
        throw CandorException.invalid("Name the questions to leave out. Try: " + MERGE_CLUSTER);
      }
    }
    return new Command.MergeCluster(question, except);
  }

  private static Command followup(Tokenizer args) {
    QuestionId question = question(args.required("question id"));
    List<Tokenizer.Token> tokens = args.tokens();
    if (tokens.size() == 1 && tokens.get(0).is("done")) {
      return new Command.Followup(question, Optional.empty(), Optional.empty(), true);
    }
    Optional<String> owner = Optional.empty();
    Optional<LocalDate> due = Optional.empty();
    int i = 0;
    while (i < tokens.size()) {
      Tokenizer.Token keyword = tokens.get(i);
      if (keyword.is("owner") && owner.isEmpty()) {
        StringBuilder name = new StringBuilder();
        i++;
        while (i < tokens.size() && !tokens.get(i).is("due")) {
          name.append(name.length() == 0 ? "" : " ").append(tokens.get(i++).text());
        }
        if (name.length() == 0) {
          throw CandorException.invalid("Missing the owner's name after 'owner'. Try: " + FOLLOWUP);
        }
        owner = Optional.of(name.toString());
      } else if (keyword.is("due") && due.isEmpty() && i + 1 < tokens.size()) {
        due = Optional.of(date(tokens.get(i + 1).text()));
        i += 2;
      } else {
        throw CandorException.invalid(
            "Unexpected '" + shown(keyword.text()) + "'. Try: " + FOLLOWUP);
      }
    }
    return new Command.Followup(question, owner, due, false);
  }

  private static LocalDate date(String typed) {
    try {
      return LocalDate.parse(typed);
    } catch (DateTimeException e) {
      throw CandorException.invalid(
          "'" + shown(typed) + "' is not a date. Write it as 2026-06-30. Try: " + FOLLOWUP);
    }
  }

  private static Command tallies(Tokenizer args) {
    SessionId session = session(args.required("session id"));
    String typed = args.required("tally policy");
    args.end();
    return new Command.Tallies(session, TallyPolicy.parse(shown(typed)));
  }

  private static Command escalate(Tokenizer args) {
    SessionId session = session(args.required("session id"));
    String word = args.required("'at <votes>' or 'off'");
    if (word.equalsIgnoreCase("off")) {
      args.end();
      return new Command.Escalate(session, OptionalInt.empty());
    }
    if (!word.equalsIgnoreCase("at")) {
      throw CandorException.invalid("Unexpected '" + shown(word) + "'. Try: " + ESCALATE);
    }
    String votes = args.required("number of votes after 'at'");
    args.end();
    try {
      int n = Integer.parseInt(votes);
      if (n >= 1 && n <= 1_000_000) {
        return new Command.Escalate(session, OptionalInt.of(n));
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw CandorException.invalid(
        "'" + shown(votes) + "' is not a number of votes. Try: escalate " + session + " at 25");
  }

  private static Command present(Tokenizer args) {
    SessionId session = session(args.required("session id"));
    boolean renew = false;
    if (!args.atEnd()) {
      renew = args.next().filter(t -> t.is("renew")).isPresent();
      if (!renew) {
        throw CandorException.invalid("Only 'renew' may follow the session. Try: " + PRESENT);
      }
    }
    args.end();
    return new Command.Present(session, renew);
  }

  private static SessionId session(String typed) {
    return SessionId.parse(shown(typed));
  }

  private static QuestionId question(String typed) {
    return QuestionId.parse(shown(typed));
  }
}
