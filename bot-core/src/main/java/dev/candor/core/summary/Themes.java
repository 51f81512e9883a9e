package dev.candor.core.summary;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Moderation;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.Questions;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.similar.Clustering;
import dev.candor.core.similar.SimilarIndex;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Themes: the clusters of near-duplicates among the questions on a session's board, so that a
 * moderator never reads 400 versions of one question, and can merge a whole cluster at once.
 */
public final class Themes {
  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;
  private final Moderation moderation;

  public Themes(Storage storage, Sessions sessions, Boards boards, Moderation moderation) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
    this.moderation = moderation;
  }

  /** The session's themes, for its moderators and organizers. */
  public List<Theme> themes(Actor actor, SessionId id) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "see its themes");
          return compose(tx, s);
        });
  }

  /**
   * Every cluster of two or more questions on the board, the most supported first (combined votes,
   * then the representative's place on the board).
   */
  public List<Theme> compose(Tx tx, ListeningSession s) {
    return of(tx, s, boards.board(tx, s, true).entries());
  }

  /** {@link #compose} over a moderator's board the caller already has. */
  static List<Theme> of(Tx tx, ListeningSession s, List<BoardEntry> board) {
    Clustering clustering =
        SimilarIndex.of(board.stream().map(BoardEntry::text).toList()).cluster();
    List<Theme> themes = new ArrayList<>();
    for (List<Integer> group : clustering.groups()) {
      List<BoardEntry> members = group.stream().map(board::get).toList();
      themes.add(new Theme(members.get(0), members, combined(tx, s, members)));
    }
    themes.sort(
        Comparator.comparingInt(Theme::combinedVotes)
            .reversed()
            .thenComparingInt(t -> t.representative().rank()));
    return themes;
  }

  /** What merging a cluster did. */
  public record MergedCluster(QuestionId into, List<QuestionId> merged, int votes) {}

  /**
   * Merges the cluster of {@code question} into its representative, leaving out {@code except}:
   * votes become the union, one per person (see {@link Moderation#mergeAll}).
   */
  public MergedCluster mergeCluster(Actor actor, QuestionId question, Set<QuestionId> except) {
    Theme theme =
        storage.inTransaction(
            tx -> {
              Question q = Questions.released(tx, question);
              ListeningSession s = sessions.get(tx, q.session());
              sessions.access().requireModerator(actor, s, "merge questions");
              return compose(tx, s).stream()
                  .filter(t -> t.members().stream().anyMatch(m -> m.id().equals(question)))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          CandorException.notFound(
                              question
                                  + " has no near-duplicates on the board. See: themes "
                                  + s.id()));
            });
    List<QuestionId> kept =
        theme.members().stream().map(BoardEntry::id).filter(id -> !except.contains(id)).toList();
    if (kept.size() < 2) {
      throw CandorException.invalid(
          "Leaving out " + except.size() + " question(s) leaves nothing to merge.");
    }
    QuestionId into = kept.get(0);
    List<QuestionId> merged = kept.subList(1, kept.size());
    moderation.mergeAll(actor, merged, into);
    int votes = storage.inTransaction(tx -> tx.votes().tally(into));
    return new MergedCluster(into, List.copyOf(merged), votes);
  }

  private static int combined(Tx tx, ListeningSession s, List<BoardEntry> members) {
    if (s.state() == SessionState.ARCHIVED) {
      return members.stream().mapToInt(BoardEntry::votes).sum();
    }
    return tx.votes().distinctVoters(members.stream().map(BoardEntry::id).toList());
  }
}
