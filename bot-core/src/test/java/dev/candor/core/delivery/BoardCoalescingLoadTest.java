package dev.candor.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.RecordingMessenger.Delivery;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's load case for the live board: 1,000 votes within 2 s on one board, with a worker that
 * polls every 50 ms, produce at most ceil(2 s / interval) + 1 edits, and the final edit, within one
 * interval of the last vote, shows the true tallies.
 */
class BoardCoalescingLoadTest {
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final int VOTES = 1000;
  private static final Duration BURST = Duration.ofSeconds(2);

  @Test
  void givenThousandVotesInTwoSeconds_thenAtMostOneEditPerIntervalAndTheLastShowsTheTruth() {
    try (TestCandor t = TestCandor.create().withBoardRefreshInterval(INTERVAL).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.clock().advance(Duration.ofSeconds(1));
      t.deliverDue();
      t.messenger().reset();

      Duration step = BURST.dividedBy(VOTES);
      for (int i = 1; i <= VOTES; i++) {
        t.candor().votes().vote(TestCandor.participant(100 + i), ids.get(i % 3));
        t.clock().advance(step);
        if (i % 25 == 0) {
          t.deliverDue();
        }
      }
      t.clock().advance(INTERVAL);
      t.deliverDue();

      List<Delivery> edits = t.messenger().deliveries();
      long bound = (BURST.toMillis() + INTERVAL.toMillis() - 1) / INTERVAL.toMillis() + 1;
      assertThat(edits)
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.notice()).isInstanceOf(Notice.Board.class));
      assertThat(edits.size()).isLessThanOrEqualTo((int) bound);
      List<BoardEntry> shown =
          ((Notice.Board) edits.get(edits.size() - 1).notice()).board().entries();
      assertThat(shown).extracting(BoardEntry::votes).containsExactlyInAnyOrder(334, 333, 333);
      assertThat(shown).isEqualTo(t.board(s.id()).entries());
    }
  }
}
