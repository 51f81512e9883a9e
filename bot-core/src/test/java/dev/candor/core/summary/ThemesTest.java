package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moderators see near-duplicates grouped and merge a whole group in one action. */
class ThemesTest {

  private static List<QuestionId> seed(TestCandor t, ListeningSession s) {
    List<String> asked =
        List.of(
            "Are there going to be more layoffs this year?",
            "What is the timeline for the ERP migration?",
            "Should we expect another round of layoffs?",
            "Will there be more layoffs?",
            "Can we get second monitors for everyone?");
    List<QuestionId> ids =
        asked.stream()
            .map(q -> t.candor().questions().ask(participant(asked.indexOf(q) + 1), s.id(), q).id())
            .toList();
    t.voteEach(ids.get(0), 1, 4); // 4 votes
    t.voteEach(ids.get(2), 3, 7); // 5 votes, 2 people in common with the first
    t.voteEach(ids.get(3), 7, 8); // 2 votes, 1 in common with the second
    return ids;
  }

  @Test
  void givenNearDuplicates_thenThemesListsTheGroupWithItsTopWordingAndEveryMember() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      Reply reply = t.command(t.moderator(), "themes " + s.id());

      assertThat(PlainText.render(reply))
          .startsWith("Themes in " + s.id())
          .contains(
              "1. 8 people voted · 3 questions · \"Should we expect another round of layoffs?\"")
          .contains(ids.get(2) + " (5▲), " + ids.get(0) + " (4▲), " + ids.get(3) + " (2▲)")
          .doesNotContain("ERP")
          .doesNotContain("monitors");
    }
  }

  @Test
  void givenMergeCluster_thenEveryMemberJoinsTheTopQuestionWithOneVotePerPerson() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      Reply reply = t.command(t.moderator(), "merge-cluster " + ids.get(3));

      assertThat(PlainText.render(reply))
          .isEqualTo(
              "Merged "
                  + ids.get(0)
                  + ", "
                  + ids.get(3)
                  + " into "
                  + ids.get(2)
                  + "; it now has 8 votes, one per person.");
      assertThat(t.question(ids.get(0)).status()).isEqualTo(QuestionStatus.MERGED);
      assertThat(t.question(ids.get(3)).mergedInto()).isEqualTo(ids.get(2));
      int tally = t.tx(tx -> tx.votes().tally(ids.get(2)));
      assertThat(tally).isEqualTo(8);
      assertThat(t.candor().themes().themes(t.moderator(), s.id())).isEmpty();
    }
  }

  @Test
  void givenExcept_thenTheNamedQuestionStaysOnTheBoard() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      t.command(t.moderator(), "merge-cluster " + ids.get(0) + " except " + ids.get(3));

      assertThat(t.question(ids.get(0)).status()).isEqualTo(QuestionStatus.MERGED);
      assertThat(t.question(ids.get(3)).status()).isEqualTo(QuestionStatus.PUBLISHED);
      int tally = t.tx(tx -> tx.votes().tally(ids.get(2)));
      assertThat(tally).isEqualTo(7);
    }
  }

  @Test
  void givenAQuestionWithoutDuplicates_thenMergeClusterSaysSoAndChangesNothing() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      Reply reply = t.command(t.moderator(), "merge-cluster " + ids.get(1));

      assertThat(reply).isInstanceOf(Reply.Error.class);
      assertThat(PlainText.render(reply))
          .contains(ids.get(1) + " has no near-duplicates on the board. See: themes " + s.id());
      assertThat(t.questions(s.id()))
          .extracting(q -> q.status())
          .doesNotContain(QuestionStatus.MERGED);
    }
  }

  @Test
  void givenParticipant_thenThemesAndMergeClusterAreRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      Reply themes = t.command(participant(1), "themes " + s.id());
      Reply merge = t.command(participant(1), "merge-cluster " + ids.get(0));

      assertThat(PlainText.render(themes)).startsWith("✗ Only moderators of " + s.id());
      assertThat(PlainText.render(merge)).startsWith("✗ Only moderators of " + s.id());
      assertThat(t.question(ids.get(0)).status()).isEqualTo(QuestionStatus.PUBLISHED);
    }
  }
}
