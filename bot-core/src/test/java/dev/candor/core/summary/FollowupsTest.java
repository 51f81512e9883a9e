package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Follow-ups: owner and due date per question, closed later, even after the session ended. */
class FollowupsTest {

  @Test
  void givenFollowupCommand_thenOwnerAndDueAreRecordedAndDoneClosesIt() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);

      Reply set =
          t.command(t.moderator(), "followup " + q + " owner \"Ana Ruiz, COO\" due 2026-05-29");
      Reply done = t.command(t.moderator(), "followup " + q + " done");

      assertThat(PlainText.render(set))
          .isEqualTo(
              "Follow-up on "
                  + q
                  + ": owner Ana Ruiz, COO, due Fri 29 May 2026."
                  + " The summary lists it until: followup "
                  + q
                  + " done");
      assertThat(PlainText.render(done)).contains("is done");
      Followup stored = t.tx(tx -> tx.followups().find(q)).orElseThrow();
      assertThat(stored.owner()).isEqualTo("Ana Ruiz, COO");
      assertThat(stored.due()).isEqualTo(LocalDate.parse("2026-05-29"));
      assertThat(stored.done()).isTrue();
      assertThat(stored.closedAt()).isEqualTo(t.clock().instant());
    }
  }

  @Test
  void givenOnlyADueDateLater_thenTheOwnerIsKept() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);
      t.command(t.moderator(), "followup " + q + " owner Facilities");

      t.command(t.moderator(), "followup " + q + " due 2026-09-01");

      Followup stored = t.tx(tx -> tx.followups().find(q)).orElseThrow();
      assertThat(stored.owner()).isEqualTo("Facilities");
      assertThat(stored.due()).isEqualTo(LocalDate.parse("2026-09-01"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "followup {q}                          | Give an owner, a due date or both, or say done",
        "followup {q} owner                    | Missing the owner's name after 'owner'",
        "followup {q} due 30/06/2026           | is not a date. Write it as 2026-06-30",
        "followup {q} due 2020-01-01           | is in the past",
        "followup {q} done now                 | Unexpected 'done'",
        "followup {q} owner HR due             | Unexpected 'due'",
      })
  void givenBadFollowup_thenOneLineSaysWhatIsWrong(String typed, String expected) {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);

      Reply reply = t.command(t.moderator(), typed.replace("{q}", q.toString()));

      assertThat(reply).isInstanceOf(Reply.Error.class);
      assertThat(PlainText.render(reply)).contains(expected).doesNotContain("\n");
      Optional<Followup> stored = t.tx(tx -> tx.followups().find(q));
      assertThat(stored).isEmpty();
    }
  }

  @Test
  void givenArchivedSession_thenAFollowUpCanStillBeClosed() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.candor().followups().assign(t.moderator(), ids.get(0), Optional.of("IT"), Optional.empty());
      t.candor().sessions().close(t.moderator(), s.id());
      t.candor().sessions().archive(t.organizer(), s.id());

      Followup done = t.candor().followups().close(t.moderator(), ids.get(0));

      assertThat(done.done()).isTrue();
    }
  }

  @Test
  void givenHiddenOrMergedQuestion_thenNoFollowUp() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.candor().moderation().hide(t.moderator(), ids.get(0), Optional.of("off topic"));
      t.candor().moderation().merge(t.moderator(), ids.get(1), ids.get(2));

      String hidden =
          PlainText.render(t.command(t.moderator(), "followup " + ids.get(0) + " owner HR"));
      String merged =
          PlainText.render(t.command(t.moderator(), "followup " + ids.get(1) + " owner HR"));

      assertThat(hidden).contains("was hidden");
      assertThat(merged).contains("record the follow-up there");
    }
  }

  @Test
  void givenParticipant_thenFollowUpsAreRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);

      Reply reply = t.command(participant(1), "followup " + q + " owner Me");

      assertThat(PlainText.render(reply)).startsWith("✗ Only moderators of " + s.id());
    }
  }
}
