package dev.candor.adapters.teams;

import dev.candor.core.Candor;
import dev.candor.core.CandorException;
import dev.candor.core.command.Command;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.CommandParser;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.Questions;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and runs commands for the Teams handlers, which need to look at a command before running
 * it (a question typed in a channel must not be taken). Domain failures become one-line {@link
 * Reply.Error}s; anything unexpected is logged by class name only and answered with an apology.
 */
final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
  static final String APOLOGY =
      "Something went wrong on Candor's side and nothing was stored. Please try again.";

  private final Candor candor;
  private final CommandParser parser;

  CommandRunner(Candor candor) {
    this.candor = candor;
    this.parser = new CommandParser(candor.clock(), candor.settings().defaultZone());
  }

  Candor candor() {
    return candor;
  }

  /** Parses a command line; fails with a one-line {@link CandorException}. */
  Command parse(String text) {
    return parser.parse(text == null ? "" : text);
  }

  Reply run(CommandContext ctx, Command command) {
    try {
      return candor.commands().run(ctx, command);
    } catch (CandorException e) {
      return new Reply.Error(e.getMessage());
    } catch (RuntimeException e) {
      log.error("a Teams command failed unexpectedly: {}", e.getClass().getName());
      return new Reply.Error(APOLOGY);
    }
  }

  /**
   * The core's refusal if {@code actor} may not schedule sessions. Checked before anything else
   * about scheduling, so that nobody but an organizer is shown a form or told where to schedule.
   */
  Optional<String> schedulingRefusal(Actor actor) {
    try {
      candor.sessions().access().requireOrganizer(actor, "schedule sessions");
      return Optional.empty();
    } catch (CandorException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The core's refusal if {@code actor} may not merge {@code question}, checked before the merge
   * dialog opens: only a moderator of its session merges a question on the board, and one not yet
   * released looks like one that does not exist.
   */
  Optional<String> mergeRefusal(Actor actor, String question) {
    try {
      QuestionId id = QuestionId.parse(question);
      candor
          .storage()
          .run(
              tx -> {
                ListeningSession s =
                    candor.sessions().get(tx, Questions.released(tx, id).session());
                candor.sessions().access().requireModerator(actor, s, "merge questions");
              });
      return Optional.empty();
    } catch (CandorException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The reply as one line of plain text, for the small message dialogs of buttons. */
  static String oneLine(Reply reply) {
    if (reply instanceof Reply.Error e) {
      return e.text();
    } else if (reply instanceof Reply.Text t) {
      return t.text();
    } else if (reply instanceof Reply.Asked a) {
      return "Asked anonymously as "
          + a.result().id()
          + ". "
          + a.result().note()
          + " Only you see this id; withdraw "
          + a.result().id()
          + " takes it back.";
    } else if (reply instanceof Reply.Scheduled s) {
      return "Scheduled " + PlainText.session(s.session()) + ". Intake is open now.";
    }
    return PlainText.render(reply);
  }
}
