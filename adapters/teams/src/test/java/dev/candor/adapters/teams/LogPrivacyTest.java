package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.data;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Everything logged at DEBUG and above, by Candor, the SDK and the libraries under it, while
 * participants ask and vote through every Teams surface: no participant's id or name, and no
 * question text.
 */
class LogPrivacyTest {
  private static final List<String> QUESTIONS =
      List.of(
          "Who approved the reorganisation?",
          "Will the Leeds office close?",
          "Why were bonuses cut this year?");

  @Test
  void givenAskAndVoteThroughChatsButtonsAndDialogs_thenNoLogLineNamesAParticipantOrAQuestion() {
    User alice = TeamsActivityJson.user("alice-7f3a");
    User bob = TeamsActivityJson.user("bob-91c2");
    User carol = TeamsActivityJson.user("carol-c0de");
    String logs;
    try (TeamsHarness teams = TeamsHarness.local();
        LogCapture capture = LogCapture.rootAtDebug()) {
      teams.install();
      ListeningSession s = teams.session();
      teams.personal(alice, "ask " + s.id() + " " + QUESTIONS.get(0));
      teams.invoke("task/fetch", bob, true, data(CardIds.ASK));
      teams.invoke(
          "task/submit",
          bob,
          true,
          data(CardIds.ASK)
              .put(CardIds.SESSION, s.id().toString())
              .put(CardIds.TEXT, QUESTIONS.get(1)));
      teams.invoke(
          "task/submit",
          carol,
          false,
          data(CardIds.ASK)
              .put(CardIds.SESSION, s.id().toString())
              .put(CardIds.TEXT, QUESTIONS.get(2)));
      teams.channel(carol, "ask " + s.id() + " typed in the channel by mistake");
      QuestionId first = teams.core.questions(s.id()).get(0).id();
      for (User voter : List.of(alice, bob, carol)) {
        teams.invoke(
            "task/fetch", voter, true, data(CardIds.VOTE).put(CardIds.QUESTION, first.toString()));
      }
      teams.invoke(
          "task/fetch", alice, true, data(CardIds.VOTE).put(CardIds.QUESTION, first.toString()));
      teams.personal(bob, "questions");
      teams.core.clock().advance(Duration.ofSeconds(5));
      teams.core.deliverDue();
      assertThat(teams.core.count("votes")).isEqualTo(3);
      logs = capture.text();
      assertThat(logs)
          .as("the adapter's own DEBUG lines were captured")
          .contains("Teams invoke task/submit answered 200")
          .contains("posted a Board to a Teams channel");
    }

    for (User user : List.of(alice, bob, carol)) {
      assertThat(logs)
          .doesNotContain(user.name())
          .doesNotContain(user.aadObjectId())
          .doesNotContain(user.teamsId());
    }
    for (String question : QUESTIONS) {
      assertThat(logs).doesNotContain(question);
    }
    assertThat(logs).doesNotContain("by mistake");
  }
}
