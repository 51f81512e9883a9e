package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.Target;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Escalation, as a dissent memo gathers signatures: at the session's threshold the organizer is
 * told at once, privately and once, and the summary marks the question.
 */
class EscalationTest {

  private static List<OutboxItem> escalations(TestCandor t) {
    return t.outbox().stream().filter(i -> i.dedupeKey().startsWith("escalation:")).toList();
  }

  @Test
  void givenThreshold_thenTheOrganizerIsToldPrivatelyOnceWhenAQuestionReachesIt() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.command(t.moderator(), "escalate " + s.id() + " at 5");

      t.voteEach(ids.get(0), 1, 4);
      assertThat(escalations(t)).isEmpty();
      t.voteEach(ids.get(0), 5, 5);
      t.candor().votes().unvote(participant(5), ids.get(0));
      t.voteEach(ids.get(0), 5, 6);
      t.deliverDue();

      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.SCHEDULED); // before the start
      assertThat(escalations(t))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.kind()).isEqualTo(NoticeKind.MODERATOR_ALERT);
                assertThat(i.target()).isEqualTo(Target.direct(t.organizer().ref()));
                assertThat(i.payload())
                    .contains(ids.get(0).toString())
                    .doesNotContain("participant");
              });
      assertThat(t.messenger().directs())
          .filteredOn(d -> d.user().equals(t.organizer().ref()))
          .singleElement()
          .satisfies(d -> assertThat(d.rendered()).contains("Escalated: " + ids.get(0)));
      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());
      assertThat(summary.escalated()).extracting(e -> e.id()).containsExactly(ids.get(0));
      assertThat(PlainText.summary(summary)).contains("Escalated to the organizer (1):");
    }
  }

  @Test
  void givenQuestionsAlreadyAboveANewThreshold_thenTheyAreEscalatedAtOnce() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(1), 1, 6);
      t.voteEach(ids.get(2), 1, 3);

      String reply = PlainText.render(t.command(t.moderator(), "escalate " + s.id() + " at 4"));

      assertThat(reply).contains("1 question has that many already; the organizer was told now.");
      assertThat(escalations(t))
          .singleElement()
          .satisfies(i -> assertThat(i.dedupeKey()).contains(ids.get(1).toString()));
    }
  }

  @Test
  void givenThresholdBelowK_thenItIsRefusedSoItNeverPointsToAFewPeople() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();

      String reply = PlainText.render(t.command(t.moderator(), "escalate " + s.id() + " at 2"));

      assertThat(reply).contains("must be at least 5 votes");
      assertThat(t.candor().policies().of(s.id()).escalateAt()).isEmpty();
    }
  }

  @Test
  void givenEscalationOff_thenNothingIsSent() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.command(t.moderator(), "escalate " + s.id() + " at 3");
      t.command(t.moderator(), "escalate " + s.id() + " off");

      t.voteEach(ids.get(0), 1, 5);

      assertThat(escalations(t)).isEmpty();
    }
  }
}
