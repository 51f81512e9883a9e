package dev.candor.core.question;

import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation.ParticipationView;
import java.time.Instant;
import java.util.List;

/**
 * The released questions of a session, ranked: votes descending, then earlier release first.
 *
 * @param pending a figure for questions still waiting for release, suppressed below k
 * @param asOf when the board was computed
 */
public record BoardView(
    SessionView session, List<BoardEntry> entries, ParticipationView participation, Instant asOf) {

  public BoardView {
    entries = List.copyOf(entries);
  }

  /** The first {@code n} entries. */
  public List<BoardEntry> top(int n) {
    return entries.subList(0, Math.min(n, entries.size()));
  }
}
