package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live tallies policy: participants see counts ({@code live}), the ranking without counts until the
 * close ({@code hidden-until-close}) or neither ({@code moderators-only}); moderators always see
 * counts.
 */
class TallyPolicyTest {

  /** Three questions released in one shuffled batch; the third gets 3 votes, the first 1. */
  private static List<QuestionId> seed(TestCandor t, ListeningSession s) {
    List<QuestionId> ids = t.askEach(s.id(), 1, 3);
    t.voteEach(ids.get(2), 1, 3);
    t.voteEach(ids.get(0), 4, 4);
    return ids;
  }

  @Test
  void givenLive_thenEveryoneSeesCountsAndTheRanking() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      BoardView board = t.board(s.id());

      assertThat(board.entries()).extracting(BoardEntry::votes).containsExactly(3, 1, 0);
      assertThat(board.entries().get(0).id()).isEqualTo(ids.get(2));
      assertThat(PlainText.render(t.command(participant(9), "vote " + ids.get(1))))
          .isEqualTo("Voted for " + ids.get(1) + "; it now has 1 vote.");
    }
  }

  @Test
  void givenHiddenUntilClose_thenParticipantsSeeTheOrderButNoCountsUntilClosed() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);
      t.command(t.moderator(), "tallies " + s.id() + " hidden-until-close");

      BoardView open = t.board(s.id());
      String questions = PlainText.render(t.command(participant(9), "questions " + s.id()));
      String voted = PlainText.render(t.command(participant(9), "vote " + ids.get(1)));
      String moderators = PlainText.render(t.command(t.moderator(), "questions " + s.id()));
      t.candor().sessions().close(t.moderator(), s.id());
      BoardView closed = t.board(s.id());

      assertThat(open.entries()).extracting(BoardEntry::votes).containsOnly(-1);
      assertThat(open.entries().get(0).id()).isEqualTo(ids.get(2));
      assertThat(questions).doesNotContain("▲");
      assertThat(voted).isEqualTo("Voted for " + ids.get(1) + ".");
      assertThat(moderators).contains("3▲");
      assertThat(closed.entries()).extracting(BoardEntry::votes).containsExactly(3, 1, 1);
    }
  }

  @Test
  void givenModeratorsOnly_thenParticipantsSeeReleaseOrderAndNoCountsEvenAfterClosing() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      seed(t, s);
      t.command(t.moderator(), "tallies " + s.id() + " moderators-only");
      t.candor().sessions().close(t.moderator(), s.id());

      BoardView board = t.board(s.id());
      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());

      assertThat(board.entries()).extracting(BoardEntry::votes).containsOnly(-1);
      List<Long> seqs = board.entries().stream().map(e -> t.question(e.id()).releaseSeq()).toList();
      assertThat(seqs).isSorted();
      assertThat(summary.top()).extracting(BoardEntry::votes).containsExactly(3, 1, 0);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TallyPolicy.class,
      names = {"HIDDEN_UNTIL_CLOSE", "MODERATORS_ONLY"})
  void givenHidingPolicy_thenChannelBoardsRemindersAndThePresenterShowNoCounts(TallyPolicy p) {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      seed(t, s);
      t.command(t.moderator(), "tallies " + s.id() + " " + p.label());
      String link = t.candor().presenter().link(t.moderator(), s.id(), false);
      t.clock().advance(Duration.ofHours(1));
      t.candor().sessions().open(s.id());
      t.deliverDue();
      t.clock().advance(Duration.ofSeconds(10));
      t.deliverDue();

      List<Notice.Board> boards = t.messenger().delivered(Notice.Board.class);
      List<Notice.Reminder> live =
          t.messenger().delivered(Notice.Reminder.class).stream()
              .filter(r -> r.kind() == ReminderKind.LIVE_NOW)
              .toList();
      BoardView presented =
          t.candor().presenter().board(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();

      assertThat(boards).isNotEmpty();
      assertThat(boards)
          .allSatisfy(
              b -> assertThat(b.board().entries()).extracting(BoardEntry::votes).containsOnly(-1));
      assertThat(live)
          .singleElement()
          .satisfies(r -> assertThat(r.top()).extracting(BoardEntry::votes).containsOnly(-1));
      assertThat(presented.entries()).extracting(BoardEntry::votes).containsOnly(-1);
    }
  }

  @Test
  void givenParticipant_thenTheTallyPolicyCannotBeChanged() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();

      Reply reply = t.command(participant(1), "tallies " + s.id() + " moderators-only");

      assertThat(reply).isInstanceOf(Reply.Error.class);
      assertThat(t.candor().policies().of(s.id()).tallies()).isEqualTo(TallyPolicy.LIVE);
    }
  }

  @Test
  void givenUnknownPolicy_thenTheParserNamesTheThree() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();

      Reply reply = t.command(t.moderator(), "tallies " + s.id() + " secret");

      assertThat(PlainText.render(reply))
          .contains(
              "'secret' is not a tally policy. Try: live, hidden-until-close or moderators-only");
    }
  }
}
