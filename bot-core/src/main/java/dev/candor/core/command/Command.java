package dev.candor.core.command;

import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One command of the text language every platform shares, as parsed from what a person typed. Each
 * record checks its own invariants; ids are typed but not yet looked up.
 */
public sealed interface Command {

  /** {@code help [topic]} */
  record Help(Optional<String> topic) implements Command {}

  /**
   * {@code schedule "<title>" <start> [for <duration>] [tz <zone>] [moderators <user> ...] [channels
   * <platform:channel> ...] [k <n>] [release <interval>] [premoderate]}
   *
   * @param start the start in the zone the session is scheduled in
   * @param duration absent: the configured default
   * @param moderators as typed: {@code platform:user}, a bare user id, {@code @user} or {@code
   *     <@U123>}
   * @param channels as typed; empty means the channel the command was typed in
   */
  record Schedule(
      String title,
      ZonedDateTime start,
      Optional<Duration> duration,
      List<String> moderators,
      List<String> channels,
      Optional<Integer> minAskers,
      Optional<Duration> releaseInterval,
      boolean premoderated)
      implements Command {
    public Schedule {
      moderators = List.copyOf(moderators);
      channels = List.copyOf(channels);
    }
  }

  /** {@code sessions} */
  record Sessions() implements Command {}

  /** {@code ask [<session>] <text>} */
  record Ask(Optional<SessionId> session, String text) implements Command {}

  /** {@code questions [<session>]} */
  record Questions(Optional<SessionId> session) implements Command {}

  /** {@code vote <question>} */
  record Vote(QuestionId question) implements Command {}

  /** {@code unvote <question>} */
  record Unvote(QuestionId question) implements Command {}

  /** {@code withdraw <question>} */
  record Withdraw(QuestionId question) implements Command {}

  /** {@code open|close|cancel|archive <session>} */
  record Lifecycle(Action action, SessionId session) implements Command {
    /** What to do with the session. */
    public enum Action {
      OPEN,
      CLOSE,
      CANCEL,
      ARCHIVE
    }
  }

  /** {@code hide <question> [reason]} */
  record Hide(QuestionId question, Optional<String> reason) implements Command {}

  /** {@code answer <question> [text]} */
  record Answer(QuestionId question, Optional<String> text) implements Command {}

  /** {@code merge <question> into <question>} */
  record Merge(QuestionId duplicate, QuestionId into) implements Command {
    public Merge {
      if (duplicate.equals(into)) {
        throw dev.candor.core.CandorException.invalid(
            "A question cannot be merged into itself. Try: merge <duplicate> into <original>");
      }
    }
  }

  /** {@code approve <question>}: releases a question held for pre-moderation. */
  record Approve(QuestionId question) implements Command {}

  /** {@code summary [<session>]} */
  record Summary(Optional<SessionId> session) implements Command {}

  /** {@code export <session> csv|json|md} */
  record Export(SessionId session, ExportFormat format) implements Command {}

  /** The export formats. */
  enum ExportFormat {
    CSV,
    JSON,
    MD
  }
}
