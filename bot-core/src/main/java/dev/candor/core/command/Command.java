package dev.candor.core.command;

import dev.candor.core.question.QuestionId;
import dev.candor.core.series.Recurrence;
import dev.candor.core.session.SessionId;
import java.time.Duration;
import java.time.ZoneId;
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
   * {@code schedule "<title>" <start> [for <duration>] [tz <zone>] [moderators <user> ...]
   * [channels <platform:channel> ...] [k <n>] [release <interval>] [premoderate] [reminders
   * <offsets>|none]}, where the start may instead be a rule: {@code every [<n>] day(s)|week(s)
   * [<weekday>] <time>}
   *
   * @param start the start in the zone the session is scheduled in; for a series, the start of its
   *     first occurrence
   * @param duration absent: the configured default
   * @param moderators as typed: {@code platform:user}, a bare user id, {@code @user} or {@code
   *     <@U123>}
   * @param channels as typed; empty means the channel the command was typed in
   * @param reminders how long before the start reminders go out; absent: the configured default;
   *     empty: none
   * @param every present for a recurring session (a series)
   */
  record Schedule(
      String title,
      ZonedDateTime start,
      Optional<Duration> duration,
      List<String> moderators,
      List<String> channels,
      Optional<Integer> minAskers,
      Optional<Duration> releaseInterval,
      boolean premoderated,
      Optional<List<Duration>> reminders,
      Optional<Recurrence> every)
      implements Command {
    public Schedule {
      moderators = List.copyOf(moderators);
      channels = List.copyOf(channels);
      reminders = reminders.map(List::copyOf);
    }

    /** A one-off session with the default reminders. */
    public Schedule(
        String title,
        ZonedDateTime start,
        Optional<Duration> duration,
        List<String> moderators,
        List<String> channels,
        Optional<Integer> minAskers,
        Optional<Duration> releaseInterval,
        boolean premoderated) {
      this(
          title,
          start,
          duration,
          moderators,
          channels,
          minAskers,
          releaseInterval,
          premoderated,
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * {@code reschedule <session> <start> [for <duration>] [tz <zone>]}: the start is read in the
   * zone given, else in the session's own zone.
   *
   * @param duration absent: the session keeps its length
   */
  record Reschedule(SessionId session, Start start, Optional<Duration> duration)
      implements Command {}

  /** A start as typed, placed in a zone once the zone is known. */
  @FunctionalInterface
  interface Start {
    /**
     * The start in {@code zone} (unless the command named its own zone).
     *
     * @throws dev.candor.core.CandorException if it is not in the future
     */
    ZonedDateTime in(ZoneId zone);
  }

  /** {@code carry <session>}: copies its unanswered top questions into the next occurrence. */
  record Carry(SessionId session) implements Command {}

  /** {@code stop <session>}: ends the session's series after that occurrence. */
  record Stop(SessionId session) implements Command {}

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

  /** {@code themes [<session>]}: the clusters of near-duplicate questions (moderators). */
  record Themes(Optional<SessionId> session) implements Command {}

  /**
   * {@code merge-cluster <question> [except <question> ...]}: merges the question's cluster of
   * near-duplicates into the cluster's most voted question, in one action (moderators).
   */
  record MergeCluster(QuestionId question, List<QuestionId> except) implements Command {
    public MergeCluster {
      except = List.copyOf(except);
    }
  }

  /**
   * {@code followup <question> [owner <name>] [due <date>]} records who acts on a question and by
   * when; {@code followup <question> done} closes it (moderators).
   */
  record Followup(
      QuestionId question, Optional<String> owner, Optional<java.time.LocalDate> due, boolean done)
      implements Command {
    public Followup {
      if (done == (owner.isPresent() || due.isPresent())) {
        throw dev.candor.core.CandorException.invalid(
            "Give an owner, a due date or both, or say done. Try: followup "
                + question
                + " owner Finance team due 2026-06-30");
      }
    }
  }

  /** {@code tallies <session> live|hidden-until-close|moderators-only} (moderators). */
  record Tallies(SessionId session, dev.candor.core.session.TallyPolicy policy)
      implements Command {}

  /**
   * {@code escalate <session> at <votes>} or {@code escalate <session> off}: the organizer is told
   * when a question reaches that many votes (moderators).
   */
  record Escalate(SessionId session, java.util.OptionalInt at) implements Command {}

  /** {@code present <session> [renew]}: the link to the presenter board (moderators). */
  record Present(SessionId session, boolean renew) implements Command {}

  /** The export formats. */
  enum ExportFormat {
    CSV,
    JSON,
    MD
  }
}
