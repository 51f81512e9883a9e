package dev.candor.core.security;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A question that waits for release (fewer than k people have asked, or a moderator has not
 * approved it) must look exactly like one that does not exist to everyone but its asker and the
 * session's moderators: otherwise anyone can probe ids and learn how many questions are waiting (a
 * figure below k, which every view suppresses) and when each arrived (which batched release hides).
 */
class UnreleasedQuestionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"vote %", "unvote %"})
  void givenAParticipantProbesAWaitingQuestion_thenTheAnswerIsThatOfAnUnknownId(String template) {
    assertWaitingLooksUnknown(template, participant(9));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"withdraw %", "hide % spam", "answer % yes", "approve %", "merge % into {other}"})
  void givenAnOutsiderProbesAWaitingQuestion_thenTheAnswerIsThatOfAnUnknownId(String template) {
    assertWaitingLooksUnknown(template, participant(9));
    assertWaitingLooksUnknown(template, AuthorizationMatrix.MODERATOR_OF_ANOTHER);
  }

  private static void assertWaitingLooksUnknown(String template, Actor prober) {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> waiting = t.askEach(s.id(), 1, 2); // two askers: below k, nothing released
      QuestionId unknown = unknownId(t);
      String other = waiting.get(1).toString();
      List<String> before = t.dumpAllTables();

      String forWaiting = answer(t, prober, template, waiting.get(0), other);
      String forUnknown = answer(t, prober, template, unknown, other);

      assertThat(t.question(waiting.get(0)).isReleased()).isFalse();
      assertThat(forWaiting).isEqualTo(forUnknown);
      assertThat(t.dumpAllTables()).isEqualTo(before);
    }
  }

  private static String answer(
      TestCandor t, Actor prober, String template, QuestionId id, String other) {
    Reply reply = t.command(prober, template.replace("%", id.toString()).replace("{other}", other));
    assertThat(reply).isInstanceOf(Reply.Error.class);
    return PlainText.render(reply).replace(id.toString(), "<id>");
  }

  private static QuestionId unknownId(TestCandor t) {
    for (int i = 0; i < 100; i++) {
      QuestionId candidate = QuestionId.random();
      if (t.countWhere("SELECT COUNT(*) FROM questions WHERE id = ?", candidate.code()) == 0) {
        return candidate;
      }
    }
    throw new AssertionError("no unused question id found");
  }
}
