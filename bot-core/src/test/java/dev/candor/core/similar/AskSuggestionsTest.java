package dev.candor.core.similar;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.AskResult;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On asking, the asker alone is shown up to three similar questions already on the board. */
class AskSuggestionsTest {

  private static List<QuestionId> seed(TestCandor t, ListeningSession s) {
    List<String> texts =
        List.of(
            "Will there be more layoffs this year?",
            "Why was free parking for staff removed?",
            "Should we expect another round of layoffs?",
            "Can we get standing desks?",
            "Are further layoffs planned before summer?",
            "Is another round of job cuts coming?");
    List<QuestionId> ids =
        texts.stream()
            .map(q -> t.candor().questions().ask(participant(texts.indexOf(q) + 1), s.id(), q).id())
            .toList();
    t.voteEach(ids.get(2), 1, 4);
    return ids;
  }

  @Test
  void givenSimilarQuestionsOnTheBoard_thenTheAskerSeesAtMostThreeMostSimilarFirst() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      AskResult r = t.candor().questions().ask(participant(9), s.id(), "More layoffs coming?");

      assertThat(r.similar()).hasSize(3);
      assertThat(r.similar())
          .extracting(BoardEntry::id)
          .isSubsetOf(ids.get(0), ids.get(2), ids.get(4), ids.get(5))
          .doesNotContain(r.id());
      assertThat(r.similar()).extracting(BoardEntry::text).noneMatch(x -> x.contains("parking"));
    }
  }

  @Test
  void givenAskReply_thenItOffersToVoteInstead() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = seed(t, s);

      Reply reply = t.command(participant(9), "ask " + s.id() + " Another round of layoffs?");

      String text = PlainText.render(reply);
      assertThat(text)
          .contains("Similar questions already asked:")
          .contains(ids.get(2) + " (4▲)  Should we expect another round of layoffs?")
          .contains("— vote for one instead?");
    }
  }

  @Test
  void givenNothingSimilar_thenNoSuggestionLine() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      seed(t, s);

      Reply reply = t.command(participant(9), "ask " + s.id() + " What is the ERP timeline?");

      assertThat(PlainText.render(reply)).doesNotContain("Similar questions");
    }
  }

  @Test
  void givenHiddenTallies_thenSuggestionsShowNoCounts() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      seed(t, s);
      t.candor().policies().setTallies(t.moderator(), s.id(), TallyPolicy.HIDDEN_UNTIL_CLOSE);

      AskResult r = t.candor().questions().ask(participant(9), s.id(), "More layoffs coming?");

      assertThat(r.similar()).isNotEmpty().extracting(BoardEntry::votes).containsOnly(-1);
    }
  }

  @Test
  void givenQuestionsStillWaitingForRelease_thenTheyAreNeverSuggested() {
    try (TestCandor t =
        TestCandor.create().withK(3).withReleaseInterval(Duration.ofMinutes(2)).build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3); // the first batch
      t.candor().questions().ask(participant(4), s.id(), "Will there be more layoffs?");

      AskResult r = t.candor().questions().ask(participant(5), s.id(), "More layoffs coming?");

      assertThat(r.similar()).extracting(BoardEntry::text).noneMatch(x -> x.contains("layoffs"));
    }
  }
}
