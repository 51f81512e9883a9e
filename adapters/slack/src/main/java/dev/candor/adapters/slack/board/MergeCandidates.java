package dev.candor.adapters.slack.board;

import dev.candor.core.Candor;
import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;

/**
 * The board a moderator merges a duplicate within. The modal must open before the merge itself
 * runs, so the core's role check runs here first: a participant gets the core's own refusal.
 */
final class MergeCandidates {
  private final Candor candor;

  MergeCandidates(Candor candor) {
    this.candor = candor;
  }

  /** The board holding {@code id}, for a moderator of its session; else the core's refusal. */
  BoardView boardFor(Actor actor, QuestionId id) {
    return candor
        .storage()
        .inTransaction(
            tx -> {
              Question q =
                  tx.questions()
                      .find(id)
                      .filter(Question::isReleased)
                      .orElseThrow(() -> unknown(id));
              ListeningSession s = candor.sessions().get(tx, q.session());
              candor.sessions().access().requireModerator(actor, s, "merge questions");
              BoardView board = candor.boards().board(tx, s);
              if (board.entries().stream().noneMatch(e -> e.id().equals(id))) {
                throw CandorException.wrongState(
                    id + " is not on the board; only questions on the board can be merged.");
              }
              return board;
            });
  }

  private static CandorException unknown(QuestionId id) {
    return CandorException.notFound("There is no question " + id + ". See: questions");
  }
}
