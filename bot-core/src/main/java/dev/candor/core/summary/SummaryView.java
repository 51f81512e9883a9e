package dev.candor.core.summary;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation.ParticipationView;
import java.time.Instant;
import java.util.List;

/**
 * What moderators receive: the session, how many took part (suppressed below k), the most asked
 * questions with their tallies, and what moderation did, so it stays transparent.
 *
 * @param hiddenReasons the reason given for each hidden question
 * @param unreleased questions never released (k never reached or still in the queue); suppressed
 *     while fewer than k people have asked
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
    Instant generatedAt) {

  public SummaryView {
    top = List.copyOf(top);
    hiddenReasons = List.copyOf(hiddenReasons);
  }
}
