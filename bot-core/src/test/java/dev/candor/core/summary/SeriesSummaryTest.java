package dev.candor.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.TestCandor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** In a series, the next occurrence's summary shows what was carried over and what changed. */
class SeriesSummaryTest {
  private static final String WEEKLY =
      "schedule \"Open floor\" every week thu 15:00 tz UTC for 45m moderators console:moderator";

  @Test
  void givenSecondOccurrence_thenCarriedQuestionsFollowUpsAndRecurringConcernsAreShown() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), WEEKLY);
      SessionId first = new SessionId(1);
      List<QuestionId> asked =
          List.of(
              ask(t, first, 1, "Will free staff parking come back?"),
              ask(t, first, 2, "When will the new laptops arrive?"),
              ask(t, first, 3, "Why was the training budget cut?"));
      t.voteEach(asked.get(0), 1, 3);
      t.candor()
          .followups()
          .assign(
              t.moderator(),
              asked.get(2),
              Optional.of("HR"),
              Optional.of(LocalDate.parse("2026-06-30")));
      t.candor().sessions().close(t.moderator(), first);
      ListeningSession second =
          t.candor().sessions().current().stream()
              .filter(s -> !s.id().equals(first))
              .findFirst()
              .orElseThrow();
      t.command(t.moderator(), "carry " + first);
      t.candor().followups().close(t.moderator(), asked.get(2));
      ask(t, second.id(), 4, "Bring back free parking for employees please");
      ask(t, second.id(), 5, "Can we get standing desks?");
      ask(t, second.id(), 6, "What is the timeline for the ERP migration?");

      SummaryView summary = t.candor().summaries().summary(t.moderator(), second.id());

      assertThat(summary.carriedOver()).isNotEmpty();
      assertThat(summary.carriedOver())
          .extracting(BoardEntry::text)
          .contains("Will free staff parking come back?");
      assertThat(summary.sinceLast()).isPresent();
      SinceLast since = summary.sinceLast().get();
      assertThat(since.previous().id()).isEqualTo(first);
      assertThat(since.askedAgain())
          .extracting(BoardEntry::text)
          .containsExactly("Bring back free parking for employees please");
      assertThat(since.followupsClosed()).isEqualTo(1);
      assertThat(summary.earlierFollowups())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.question()).isEqualTo(asked.get(2));
                assertThat(f.done()).isTrue();
              });
      assertThat(PlainText.summary(summary))
          .contains("Carried over from an earlier session (")
          .contains("Since the last session (" + first + " \"Open floor\"):")
          .contains("follow-ups from earlier sessions: 1 closed since, 0 still open")
          .contains("asked again (like a question of last time):");
    }
  }

  @Test
  void givenOneOffSession_thenThereIsNoSinceLast() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);

      assertThat(t.candor().summaries().summary(t.moderator(), s.id()).sinceLast()).isEmpty();
    }
  }

  private static QuestionId ask(TestCandor t, SessionId s, int who, String text) {
    return t.candor().questions().ask(TestCandor.participant(who), s, text).id();
  }
}
