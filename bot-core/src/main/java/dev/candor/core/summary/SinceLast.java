package dev.candor.core.summary;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation.ParticipationView;
import java.util.List;

/**
 * What changed since the previous occurrence of the session's series.
 *
 * @param then the previous occurrence's participation, suppressed below its k as always
 * @param askedAgain questions on this board that resemble one asked last time: concerns that have
 *     not gone away, most votes first
 * @param followupsClosed follow-ups of the previous occurrence that are closed, and of older ones
 *     closed since the previous one started
 * @param followupsOpen follow-ups of earlier occurrences still open
 */
public record SinceLast(
    SessionView previous,
    ParticipationView then,
    List<BoardEntry> askedAgain,
    int followupsClosed,
    int followupsOpen) {

  public SinceLast {
    askedAgain = List.copyOf(askedAgain);
  }
}
