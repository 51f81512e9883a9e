package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.testing.TestCandor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The summary on a seeded session: exact ranking, themes, escalation, follow-ups, suppression. */
class SummaryContentTest {

  /** Eight staff ask; the office move is asked three ways, parking twice. */
  private static final List<String> ASKED =
      List.of(
          "Why is the office moving to the business park outside town?",
          "Will free staff parking come back?",
          "How was the decision to relocate the office out of the city made?",
          "Can we get second monitors for everyone?",
          "Bring back free parking for employees please",
          "Why move the office to a business park so far out?",
          "What is the timeline for the ERP migration?",
          "Is the office closed between Christmas and New Year?");

  private record Seeded(ListeningSession session, List<QuestionId> ids) {}

  private static Seeded seed(TestCandor t) {
    ListeningSession s = t.scheduleSession();
    List<QuestionId> ids =
        ASKED.stream()
            .map(
                text ->
                    t.candor().questions().ask(participant(ASKED.indexOf(text) + 1), s.id(), text))
            .map(r -> r.id())
            .toList();
    // Votes: move (0) 6, relocate (2) 4 of them the same people plus 2 more, commute (5) 1,
    // parking (1) 5, parking again (4) 3, monitors (3) 2, ERP (6) 0, Christmas (7) 1.
    t.voteEach(ids.get(0), 1, 6);
    t.voteEach(ids.get(2), 3, 8);
    t.voteEach(ids.get(5), 9, 9);
    t.voteEach(ids.get(1), 1, 5);
    t.voteEach(ids.get(4), 4, 6);
    t.voteEach(ids.get(3), 10, 11);
    t.voteEach(ids.get(7), 12, 12);
    return new Seeded(s, ids);
  }

  @Test
  void givenSeededSession_thenTopQuestionsAreRankedExactlyByVotesThenRelease() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      Seeded seed = seed(t);
      List<QuestionId> ids = seed.ids();

      SummaryView summary = t.candor().summaries().summary(t.moderator(), seed.session().id());

      // 6 (move) and 6 (relocate): the earlier released first; release order is shuffled in a
      // batch, so both orders of the tie are checked against the stored release order.
      List<QuestionId> ranked = summary.top().stream().map(BoardEntry::id).toList();
      assertThat(summary.top())
          .extracting(BoardEntry::votes)
          .containsExactly(6, 6, 5, 3, 2, 1, 1, 0);
      assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
      assertThat(ranked.subList(2, 5)).containsExactly(ids.get(1), ids.get(4), ids.get(3));
      assertThat(ranked.subList(5, 7)).containsExactlyInAnyOrder(ids.get(5), ids.get(7));
      assertThat(ranked.get(7)).isEqualTo(ids.get(6));
      assertThat(summary.top())
          .extracting(BoardEntry::rank)
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(t.question(ranked.get(0)).releaseSeq() < t.question(ranked.get(1)).releaseSeq())
          .isTrue();
    }
  }

  @Test
  void givenNearDuplicates_thenThemesGroupThemWithCombinedVotersAndTheTopWording() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      Seeded seed = seed(t);
      List<QuestionId> ids = seed.ids();

      SummaryView summary = t.candor().summaries().summary(t.moderator(), seed.session().id());

      assertThat(summary.themes()).hasSize(2);
      Theme move = summary.themes().get(0);
      assertThat(move.members())
          .extracting(BoardEntry::id)
          .containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(5));
      assertThat(move.combinedVotes()).isEqualTo(9); // people 1-9, each once
      assertThat(move.representative().votes()).isEqualTo(6);
      Theme parking = summary.themes().get(1);
      assertThat(parking.members())
          .extracting(BoardEntry::id)
          .containsExactly(ids.get(1), ids.get(4));
      assertThat(parking.representative().id()).isEqualTo(ids.get(1));
      assertThat(parking.combinedVotes()).isEqualTo(6); // people 1-6
      assertThat(PlainText.summary(summary))
          .contains("Themes (near-duplicates, people who voted for any of them):")
          .contains("9 people voted · 3 questions")
          .contains("6 people voted · 2 questions · \"Will free staff parking come back?\"");
    }
  }

  @Test
  void givenFewerThanKPeople_thenEveryParticipationFigureIsSuppressedButTalliesStay() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 4);

      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());

      assertThat(summary.participation().askers().suppressed()).isTrue();
      assertThat(summary.participation().voters().suppressed()).isTrue();
      assertThat(summary.participation().votes().suppressed()).isTrue();
      assertThat(summary.unreleased().suppressed()).isTrue();
      assertThat(summary.themes()).isEmpty(); // nothing released, nothing to group
      assertThat(PlainText.summary(summary))
          .contains("Askers: fewer than 5 · voters: fewer than 5 · votes: fewer than 5")
          .doesNotContain("Question from the floor");
    }
  }

  @Test
  void givenEscalationFollowUpsAndHiddenCounts_thenTheSummaryShowsThemAndStillHasTallies() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      Seeded seed = seed(t);
      List<QuestionId> ids = seed.ids();
      t.candor()
          .policies()
          .setTallies(t.moderator(), seed.session().id(), TallyPolicy.HIDDEN_UNTIL_CLOSE);
      t.candor().policies().setEscalation(t.moderator(), seed.session().id(), OptionalInt.of(5));
      t.candor().moderation().answer(t.moderator(), ids.get(3), Optional.of("Ordered in May."));
      t.candor()
          .followups()
          .assign(
              t.moderator(),
              ids.get(0),
              Optional.of("COO office"),
              Optional.of(LocalDate.parse("2026-04-30")));
      t.candor()
          .followups()
          .assign(t.moderator(), ids.get(1), Optional.of("Facilities"), Optional.empty());
      t.candor().followups().close(t.moderator(), ids.get(1));

      SummaryView summary = t.candor().summaries().summary(t.moderator(), seed.session().id());

      assertThat(summary.tallyPolicy()).isEqualTo(TallyPolicy.HIDDEN_UNTIL_CLOSE);
      assertThat(summary.top()).extracting(BoardEntry::votes).doesNotContain(-1);
      assertThat(summary.escalated())
          .extracting(BoardEntry::id)
          .containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(1));
      assertThat(summary.answered()).isEqualTo(1);
      assertThat(summary.unanswered()).isEqualTo(7);
      assertThat(summary.openFollowups())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.question()).isEqualTo(ids.get(0));
                assertThat(f.owner()).isEqualTo("COO office");
                assertThat(f.overdue()).isFalse();
              });
      assertThat(summary.followups()).hasSize(2);
      assertThat(PlainText.summary(summary))
          .contains("Participants saw: participants see the ranking, and counts only after closing")
          .contains("escalation at 5 votes")
          .contains("Escalated to the organizer (3):")
          .contains("Follow-ups (1 open, 1 closed):")
          .contains("[open] " + ids.get(0))
          .contains("owner COO office, due Thu 30 Apr 2026")
          .contains("[done] " + ids.get(1));
    }
  }

  @Test
  void givenFollowUpsClosedAfterwards_thenTheNextSessionInTheChannelShowsThemClosed() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      ListeningSession first = t.scheduleSession();
      List<QuestionId> asked = t.askEach(first.id(), 1, 3);
      t.candor()
          .followups()
          .assign(
              t.moderator(),
              asked.get(0),
              Optional.of("HR"),
              Optional.of(LocalDate.parse("2026-03-20")));
      t.candor()
          .followups()
          .assign(t.moderator(), asked.get(1), Optional.of("IT"), Optional.empty());
      t.candor().sessions().close(t.organizer(), first.id());
      t.clock().advance(java.time.Duration.ofDays(30));
      t.candor().followups().close(t.moderator(), asked.get(0));
      ListeningSession second = t.scheduleSession();

      SummaryView summary = t.candor().summaries().summary(t.moderator(), second.id());

      assertThat(summary.earlierFollowups())
          .extracting(FollowupView::question, FollowupView::done)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(asked.get(0), true),
              org.assertj.core.groups.Tuple.tuple(asked.get(1), false));
      assertThat(summary.followups()).isEmpty();
      assertThat(PlainText.summary(summary))
          .contains("Follow-ups from earlier sessions (1 open, 1 closed):")
          .contains("[done] " + asked.get(0));
    }
  }

  @Test
  void givenAQuestionMergedAway_thenItIsNotATheme() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      Seeded seed = seed(t);
      t.candor().moderation().merge(t.moderator(), seed.ids().get(4), seed.ids().get(1));

      SummaryView summary = t.candor().summaries().summary(t.moderator(), seed.session().id());

      assertThat(summary.themes()).hasSize(1);
      assertThat(summary.merged()).isEqualTo(1);
      assertThat(t.question(seed.ids().get(4)).status()).isEqualTo(QuestionStatus.MERGED);
    }
  }
}
