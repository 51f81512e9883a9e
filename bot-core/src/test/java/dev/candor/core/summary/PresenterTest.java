package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.BoardView;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Presenter links: unguessable, for moderators, renewable, and showing only the public board. */
class PresenterTest {

  private static String token(String link) {
    return link.substring(link.lastIndexOf('/') + 1);
  }

  @Test
  void givenModerator_thenTheLinkCarries128RandomBitsAndStaysTheSameUntilRenewed() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);
      t.candor().presenter().useBaseUrl("https://candor.example.org/");

      String first = t.candor().presenter().link(t.moderator(), s.id(), false);
      String again = t.candor().presenter().link(t.moderator(), s.id(), false);
      String renewed = t.candor().presenter().link(t.moderator(), s.id(), true);

      assertThat(first).matches("https://candor\\.example\\.org/present/[A-Za-z0-9_-]{22}");
      assertThat(again).isEqualTo(first);
      assertThat(renewed).isNotEqualTo(first);
      assertThat(t.candor().presenter().board(token(first))).isEmpty();
      BoardView board = t.candor().presenter().board(token(renewed)).orElseThrow();
      assertThat(board.session().id()).isEqualTo(s.id());
      assertThat(board.entries()).hasSize(3);
    }
  }

  @Test
  void givenManySessions_thenTokensNeverRepeat() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Set<String> tokens = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        ListeningSession s = t.scheduleSession();
        tokens.add(token(t.candor().presenter().link(t.moderator(), s.id(), false)));
      }
      assertThat(tokens).hasSize(20);
    }
  }

  @Test
  void givenMalformedUnknownOrCancelledTokens_thenNothingIsShown() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      String token = token(t.candor().presenter().link(t.moderator(), s.id(), false));
      t.candor().sessions().cancel(t.organizer(), s.id());

      assertThat(t.candor().presenter().board(token)).isEmpty();
      assertThat(t.candor().presenter().board("' OR 1=1 --")).isEmpty();
      assertThat(t.candor().presenter().board("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
      assertThat(t.candor().presenter().board(null)).isEmpty();
    }
  }

  @Test
  void givenPresentCommand_thenModeratorsGetTheLinkAndParticipantsAreRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();

      Reply ok = t.command(t.moderator(), "present " + s.id());
      Reply refused = t.command(participant(1), "present " + s.id());

      assertThat(PlainText.render(ok))
          .contains("Presenter board of " + s.id())
          .containsPattern("/present/[A-Za-z0-9_-]{22}")
          .contains("present " + s.id() + " renew");
      assertThat(refused).isInstanceOf(Reply.Error.class);
    }
  }
}
