package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.data;
import static dev.candor.adapters.teams.TeamsActivityJson.scheduleDialog;
import static dev.candor.adapters.teams.TeamsHarness.dialogCard;
import static dev.candor.adapters.teams.TeamsHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.command.HelpText;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buttons and dialogs (task/fetch and task/submit invokes), answered in the HTTP response. */
class DialogsTest {
  private final User alice = TeamsActivityJson.user("alice");
  private final User bob = TeamsActivityJson.user("bob");
  private TeamsHarness teams;
  private ListeningSession session;

  @BeforeEach
  void start() {
    teams = TeamsHarness.local();
    session = teams.session();
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  @Test
  void givenAskButton_thenTheAskDialogComesBackWithTheSessionAndWhoSeesWhat() {
    JsonNode answer = teams.invoke("task/fetch", alice, true, data(CardIds.ASK));

    JsonNode card = dialogCard(answer);
    assertThat(answer.path("task").path("value").path("title").asText())
        .isEqualTo("Ask anonymously");
    assertThat(card.toString())
        .contains("\"id\":\"session\"")
        .contains("\"value\":\"" + session.id() + "\"")
        .contains("\"id\":\"text\"")
        .contains(CardText.escape(HelpText.WHO_SEES_WHAT));
    assertThat(teams.connector.requests()).isEmpty();
  }

  @Test
  void givenAskDialogSubmitted_thenTheQuestionIsStoredAndOnlyTheAskerIsTold() {
    JsonNode answer =
        teams.invoke("task/submit", alice, true, ask(session.id().toString(), "Why the move?"));

    assertThat(message(answer)).startsWith("Asked anonymously as q");
    assertThat(teams.core.questions(session.id()))
        .extracting(q -> q.text())
        .containsExactly("Why the move?");
    assertThat(teams.connector.requests()).isEmpty();
  }

  @Test
  void givenAskDialogWithTooShortText_thenTheDialogComesBackWithTheReasonAndTheText() {
    JsonNode answer = teams.invoke("task/submit", alice, true, ask(session.id().toString(), "Hm"));

    String card = dialogCard(answer).toString();
    assertThat(card)
        .contains("A question needs at least 3 characters")
        .contains("\"value\":\"Hm\"");
    assertThat(teams.questionCount()).isZero();
  }

  @Test
  void givenNoSessionTakesQuestions_thenTheAskButtonSaysSo() {
    teams.core.candor().sessions().cancel(session.id());

    assertThat(message(teams.invoke("task/fetch", alice, false, data(CardIds.ASK))))
        .isEqualTo(TaskModules.NO_SESSION);
  }

  @Test
  void givenUpvoteClicked_thenItCountsOnceAndTheSecondClickSaysAlreadyVoted() {
    QuestionId q = released().get(0);

    String first = message(teams.invoke("task/fetch", alice, true, data(CardIds.VOTE, q)));
    String second = message(teams.invoke("task/fetch", alice, true, data(CardIds.VOTE, q)));

    assertThat(first).isEqualTo("Voted for " + q + "; it now has 1 vote.");
    assertThat(second).isEqualTo("You have already voted for " + q + ".");
    assertThat(teams.core.countWhere("SELECT COUNT(*) FROM votes")).isEqualTo(1);
    assertThat(teams.connector.requests()).as("nothing posted in the channel").isEmpty();
  }

  @Test
  void givenRemoveVoteClicked_thenTheVoteIsWithdrawn() {
    QuestionId q = released().get(0);
    teams.invoke("task/fetch", alice, true, data(CardIds.VOTE, q));

    assertThat(message(teams.invoke("task/fetch", alice, true, data(CardIds.UNVOTE, q))))
        .isEqualTo("Vote removed from " + q + "; it now has 0 votes.");
  }

  @Test
  void givenParticipantClicksHide_thenTheCoresOneLineRefusalIsShownAndNothingChanges() {
    QuestionId q = released().get(0);

    String answer = message(teams.invoke("task/fetch", bob, true, data(CardIds.HIDE, q)));

    assertThat(answer).startsWith("Only moderators of " + session.id() + " can hide questions.");
    assertThat(teams.core.question(q).status()).isEqualTo(QuestionStatus.PUBLISHED);
  }

  @Test
  void givenModeratorClicksHideAndAnswer_thenTheQuestionsChange() {
    List<QuestionId> q = released();

    String hid =
        message(
            teams.invoke("task/fetch", TeamsHarness.MODERATOR, true, data(CardIds.HIDE, q.get(0))));
    String answered =
        message(
            teams.invoke(
                "task/fetch", TeamsHarness.MODERATOR, true, data(CardIds.ANSWER, q.get(1))));

    assertThat(hid).startsWith("Hid " + q.get(0));
    assertThat(answered).isEqualTo("Marked " + q.get(1) + " answered.");
    assertThat(teams.core.question(q.get(0)).status()).isEqualTo(QuestionStatus.HIDDEN);
    assertThat(teams.core.question(q.get(1)).status()).isEqualTo(QuestionStatus.ANSWERED);
  }

  @Test
  void givenMergeDialog_thenAModeratorMergesAndABadIdComesBackWithTheReason() {
    List<QuestionId> q = released();
    assertThat(
            dialogCard(
                    teams.invoke(
                        "task/fetch", TeamsHarness.MODERATOR, true, data(CardIds.MERGE, q.get(0))))
                .toString())
        .contains("\"id\":\"into\"");

    ObjectNode bad = data(CardIds.MERGE, q.get(0)).put(CardIds.INTO, "nonsense");
    assertThat(
            dialogCard(teams.invoke("task/submit", TeamsHarness.MODERATOR, true, bad)).toString())
        .contains("is not a question id");

    ObjectNode good = data(CardIds.MERGE, q.get(0)).put(CardIds.INTO, q.get(1).toString());
    assertThat(message(teams.invoke("task/submit", TeamsHarness.MODERATOR, true, good)))
        .startsWith("Merged " + q.get(0) + " into " + q.get(1));
    assertThat(teams.core.question(q.get(0)).status()).isEqualTo(QuestionStatus.MERGED);
  }

  @Test
  void
      givenScheduleDialogSubmittedByAnOrganizer_thenTheSessionRunsInThatChannelWithItsModerators() {
    JsonNode dialog =
        dialogCard(
            teams.invoke("task/fetch", TeamsHarness.ORGANIZER, true, data(CardIds.SCHEDULE)));
    assertThat(dialog.toString())
        .contains("\"id\":\"date\"")
        .contains("\"id\":\"time\"")
        .contains("graph.microsoft.com/users");

    JsonNode answer =
        teams.invoke(
            "task/submit", TeamsHarness.ORGANIZER, true, scheduleDialog("Town hall", "UTC"));

    assertThat(message(answer)).startsWith("Scheduled s2 \"Town hall\"");
    ListeningSession created =
        teams.core.candor().sessions().current().stream()
            .filter(s -> s.title().equals("Town hall"))
            .findFirst()
            .orElseThrow();
    assertThat(created.state()).isEqualTo(SessionState.SCHEDULED);
    assertThat(created.audience()).containsExactly(TeamsHarness.CHANNEL);
    assertThat(created.moderators())
        .containsExactly(
            new UserRef(Platform.TEAMS, "aad-mod-1"), new UserRef(Platform.TEAMS, "aad-mod-2"));
    assertThat(created.settings().minAskers()).isEqualTo(4);
  }

  @Test
  void givenScheduleDialogWithAnUnknownZone_thenItComesBackWithTheReasonAndTheValues() {
    JsonNode answer =
        teams.invoke(
            "task/submit",
            TeamsHarness.ORGANIZER,
            true,
            scheduleDialog("Town hall", "Mars/Olympus"));

    String card = dialogCard(answer).toString();
    assertThat(card)
        .contains("'Mars/Olympus' is not a time zone")
        .contains("\"value\":\"Town hall\"");
  }

  @Test
  void givenScheduleDialogFromAParticipant_thenTheCoreRefuses() {
    JsonNode answer = teams.invoke("task/submit", alice, true, scheduleDialog("Town hall", "UTC"));

    assertThat(dialogCard(answer).toString()).contains("Only organizers can schedule sessions.");
  }

  @Test
  void givenAButtonSentAsAPlainMessage_thenItActsAndAnswersOnlyInAPersonalChat() {
    QuestionId q = released().get(0);

    teams.server.post(teams.activities.cardSubmitMessage(alice, true, data(CardIds.VOTE, q)));
    assertThat(teams.connector.requests()).as("no answer in the channel").isEmpty();
    teams.server.post(teams.activities.cardSubmitMessage(bob, false, data(CardIds.VOTE, q)));

    assertThat(teams.core.count("votes")).isEqualTo(2);
    assertThat(teams.connector.requests()).hasSize(1);
    assertThat(teams.connector.requests().get(0).path()).contains(bob.personalChat());
    assertThat(teams.connector.requests().get(0).cardText()).contains("it now has 2 votes");
  }

  @Test
  void givenAStaleButton_thenItSaysSo() {
    assertThat(message(teams.invoke("task/fetch", alice, true, data("launch-rockets"))))
        .isEqualTo(TaskModules.OUT_OF_DATE);
  }

  private List<QuestionId> released() {
    return teams.core.askEach(session.id(), 1, 3);
  }

  private static ObjectNode ask(String session, String text) {
    return data(CardIds.ASK).put(CardIds.SESSION, session).put(CardIds.TEXT, text);
  }
}
