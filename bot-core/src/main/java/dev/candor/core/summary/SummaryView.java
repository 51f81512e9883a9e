package dev.candor.core.summary;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.session.SessionView;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.summary.Participation.ParticipationView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What moderators receive: the session, how many took part (suppressed below k), the most asked
 * questions with their tallies, and what moderation did, so it stays transparent; then what
 * leadership can act on: themes, escalated questions, follow-ups, questions carried over, and what
 * changed since the previous occurrence. Tallies are always shown here, whatever the session's
 * tally policy. Nothing in it names a participant.
 *
 * @param hiddenReasons the reason given for each hidden question
 * @param unreleased questions never released (k never reached or still in the queue); suppressed
 *     while fewer than k people have asked
 * @param tallyPolicy what participants saw of the tallies
 * @param escalateAt the session's escalation threshold, if any
 * @param themes clusters of near-duplicates on the board, the most supported first
 * @param escalated questions that reached the escalation threshold, in board order
 * @param followups this session's follow-ups, open ones first
 * @param earlierFollowups follow-ups of earlier sessions of the series (or, outside a series, of
 *     earlier sessions in the same channels): those still open, those of the previous session, and
 *     those closed since the previous session started; closed ones first
 * @param carriedOver questions carried over from an earlier occurrence, in board order
 * @param sinceLast what changed since the previous occurrence, for a session in a series
 */
public record SummaryView(
    SessionView session,
    ParticipationView participation,
    List<BoardEntry> top,
    int released,
    int answered,
    int unanswered,
    List<String> hiddenReasons,
    int merged,
    Participation.Figure unreleased,
    Instant generatedAt,
    TallyPolicy tallyPolicy,
    OptionalInt escalateAt,
    List<Theme> themes,
    List<BoardEntry> escalated,
    List<FollowupView> followups,
    List<FollowupView> earlierFollowups,
    List<BoardEntry> carriedOver,
    Optional<SinceLast> sinceLast) {

  public SummaryView {
    top = List.copyOf(top);
    hiddenReasons = List.copyOf(hiddenReasons);
    themes = List.copyOf(themes);
    escalated = List.copyOf(escalated);
    followups = List.copyOf(followups);
    earlierFollowups = List.copyOf(earlierFollowups);
    carriedOver = List.copyOf(carriedOver);
  }

  /** A summary without themes, escalation, follow-ups or history (as before issue 6). */
  public SummaryView(
      SessionView session,
      ParticipationView participation,
      List<BoardEntry> top,
      int released,
      int answered,
      int unanswered,
      List<String> hiddenReasons,
      int merged,
      Participation.Figure unreleased,
      Instant generatedAt) {
    this(
        session,
        participation,
        top,
        released,
        answered,
        unanswered,
        hiddenReasons,
        merged,
        unreleased,
        generatedAt,
        TallyPolicy.LIVE,
        OptionalInt.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  /** This session's follow-ups that are not done yet. */
  public List<FollowupView> openFollowups() {
    return followups.stream().filter(f -> !f.done()).toList();
  }
}
