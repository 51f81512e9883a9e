package dev.candor.core.question;

import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionView;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.store.Tx;
import dev.candor.core.summary.Participation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Computes the ranked board of a session from storage. */
public final class Boards {
  private final Clock clock;

  public Boards(Clock clock) {
    this.clock = clock;
  }

  /** Ranking: votes descending, then earlier release first. */
  public static final Comparator<Ranked> RANKING =
      Comparator.comparingInt((Ranked r) -> r.votes())
          .reversed()
          .thenComparingLong(r -> r.question().releaseSeq());

  /** A question with its tally. */
  public record Ranked(Question question, int votes) {}

  /** Every released question of the session with its tally, ranked. */
  public List<Ranked> ranked(Tx tx, ListeningSession s) {
    Map<QuestionId, Integer> tallies = tx.votes().tallies(s.id());
    List<Ranked> ranked = new ArrayList<>();
    for (Question q : tx.questions().bySession(s.id())) {
      if (q.isReleased()) {
        ranked.add(new Ranked(q, tallies.getOrDefault(q.id(), 0) + q.archivedVotes()));
      }
    }
    ranked.sort(RANKING);
    return ranked;
  }

  /**
   * The public board: released questions that are published or answered, as participants see them
   * under the session's {@link TallyPolicy} (counts -1 where hidden).
   */
  public BoardView board(Tx tx, ListeningSession s) {
    return board(tx, s, false);
  }

  /**
   * The board for a moderator ({@code moderator}: counts and ranking whatever the policy) or for
   * participants: counts hidden while the policy says so, and under {@link
   * TallyPolicy#MODERATORS_ONLY} in release order, since a ranking by votes would tell the counts.
   */
  public BoardView board(Tx tx, ListeningSession s, boolean moderator) {
    TallyPolicy policy = moderator ? TallyPolicy.LIVE : tx.policies().find(s.id()).tallies();
    boolean counts = policy.countsVisible(s.state());
    List<Ranked> shown = onBoard(ranked(tx, s));
    if (!policy.rankingVisible()) {
      shown.sort(Comparator.comparingLong(r -> r.question().releaseSeq()));
    }
    List<BoardEntry> entries = new ArrayList<>();
    int rank = 0;
    for (Ranked r : shown) {
      entries.add(entry(counts ? r : new Ranked(r.question(), -1), ++rank));
    }
    return new BoardView(
        SessionView.of(s),
        entries,
        participation(tx, s).view(s.settings().minAskers()),
        clock.instant());
  }

  /**
   * The board as moderators see it (counts and ranking whatever the policy), from an already
   * computed {@link #ranked} list, for callers that need both.
   */
  public static List<BoardEntry> moderatorEntries(List<Ranked> ranked) {
    List<BoardEntry> entries = new ArrayList<>();
    int rank = 0;
    for (Ranked r : onBoard(ranked)) {
      entries.add(entry(r, ++rank));
    }
    return entries;
  }

  private static List<Ranked> onBoard(List<Ranked> ranked) {
    List<Ranked> shown = new ArrayList<>();
    for (Ranked r : ranked) {
      if (r.question().status().onBoard()) {
        shown.add(r);
      }
    }
    return shown;
  }

  /** Raw participation figures (live, or frozen at archive). */
  public Participation participation(Tx tx, ListeningSession s) {
    return tx.sessions()
        .finalParticipation(s.id())
        .orElseGet(
            () ->
                new Participation(
                    tx.questions().distinctAskers(s.id()),
                    tx.votes().distinctVoters(s.id()),
                    tx.votes().total(s.id())));
  }

  static BoardEntry entry(Ranked r, int rank) {
    Question q = r.question();
    return new BoardEntry(q.id(), q.text(), r.votes(), q.status(), q.answer(), rank);
  }
}
