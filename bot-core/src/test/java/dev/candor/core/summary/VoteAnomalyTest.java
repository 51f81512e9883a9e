package dev.candor.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst of votes on one question far above the session's norm reaches the moderators, without
 * identities and without a time finer than the minute; ordinary voting does not.
 */
class VoteAnomalyTest {

  private static List<OutboxItem> alerts(TestCandor t) {
    return t.outbox().stream().filter(i -> i.dedupeKey().startsWith("anomaly:")).toList();
  }

  @Test
  void givenTwentyFiveVotesInAMinuteOnOneQuestion_thenModeratorsAreAlertedOnceWithoutNames() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 6);
      t.clock().advance(Duration.ofSeconds(17));

      for (int i = 1; i <= 25; i++) {
        t.voteEach(ids.get(0), i, i);
        t.clock().advance(Duration.ofSeconds(2));
      }
      for (int i = 26; i <= 40; i++) {
        t.voteEach(ids.get(0), i, i); // the same burst goes on: still one alert this hour
      }

      assertThat(alerts(t))
          .hasSize(2) // the moderator and the organizer who scheduled the session
          .allSatisfy(
              a -> {
                assertThat(a.kind()).isEqualTo(NoticeKind.MODERATOR_ALERT);
                assertThat(a.payload())
                    .contains(ids.get(0).toString())
                    .contains("more than 20 votes within a minute")
                    .doesNotContain("participant");
                assertThat(a.notBefore().getEpochSecond() % 60).isZero();
                assertThat(a.createdAt()).isEqualTo(a.notBefore());
              });
      t.clock().advance(Duration.ofMinutes(1));
      t.deliverDue();
      assertThat(t.messenger().delivered(Notice.ModeratorAlert.class))
          .extracting(Notice.ModeratorAlert::text)
          .allSatisfy(text -> assertThat(text).startsWith("Unusual voting in " + s.id()));
    }
  }

  @Test
  void givenSteadyVotingSpreadOverQuestions_thenNoAlert() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 5);

      for (int i = 1; i <= 60; i++) {
        t.voteEach(ids.get(i % 5), i, i);
        t.clock().advance(Duration.ofSeconds(5)); // 12 votes a minute across five questions
      }

      assertThat(alerts(t)).isEmpty();
    }
  }

  @Test
  void givenABusySessionWhereEveryQuestionGetsManyVotes_thenTheLimitRisesWithTheNorm() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 5);
      // Five questions, 25 votes each within the first minute: busy, but evenly so.
      int voter = 1;
      for (int round = 0; round < 25; round++) {
        for (QuestionId q : ids) {
          t.voteEach(q, voter + round * 5 + ids.indexOf(q), voter + round * 5 + ids.indexOf(q));
        }
      }

      assertThat(alerts(t)).isEmpty();
    }
  }

  @Test
  void givenAnAlert_thenAnotherBurstWithinTheHourIsQuietAndOneAfterItAlertsAgain() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 6);
      t.clock().set(t.clock().instant().truncatedTo(ChronoUnit.HOURS).plusSeconds(60));
      burst(t, ids.get(1), 100);
      t.clock().advance(Duration.ofMinutes(30));
      burst(t, ids.get(1), 200);
      int afterTwo = alerts(t).size();
      t.clock().advance(Duration.ofMinutes(61));
      burst(t, ids.get(1), 300);

      assertThat(afterTwo).isEqualTo(2);
      assertThat(alerts(t)).hasSize(4);
    }
  }

  private static void burst(TestCandor t, QuestionId q, int firstVoter) {
    t.voteEach(q, firstVoter, firstVoter + 22);
  }
}
