package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.ModeratorChoice;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ListeningSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live board: posted by the messenger, edited in place, and its buttons and menu. */
class BoardTest {
  private SlackRig rig;
  private ListeningSession session;
  private List<QuestionId> released;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start();
    session = rig.core.scheduleSession();
    // k = 3 and no batching: the third asker releases all three questions.
    released =
        List.of(
            ask(participant(1), "First?"),
            ask(participant(2), "Second?"),
            ask(participant(3), "Third?"));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenReleasedQuestions_thenTheBoardIsPostedAndThenEditedInPlace() {
    rig.core.deliverDue();
    FakeSlackApi.Call posted = rig.slack.calls("chat.postMessage").get(0);
    assertThat(posted.param("channel")).isEqualTo(SlackRig.CHANNEL);
    assertThat(posted.json("blocks").toString()).contains("First?").contains(Ids.Board.UPVOTE);

    click(participant(4), Ids.Board.UPVOTE, released.get(0));
    rig.core.deliverDue();

    List<FakeSlackApi.Call> updates = rig.slack.calls("chat.update");
    assertThat(updates).isNotEmpty();
    FakeSlackApi.Call last = updates.get(updates.size() - 1);
    assertThat(last.param("channel")).isEqualTo(SlackRig.CHANNEL);
    assertThat(last.param("ts")).isEqualTo(ts(rig.slack.calls("chat.postMessage").get(0)));
    assertThat(last.json("blocks").toString()).contains("*1 vote*");
    assertThat(rig.slack.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void givenAnUpvote_thenTheTallyGrowsAndASecondClickSaysAlreadyVoted() {
    QuestionId q = released.get(1);

    JsonNode first = click(participant(9), Ids.Board.UPVOTE, q);
    JsonNode second = click(participant(9), Ids.Board.UPVOTE, q);

    assertThat(first.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(first.get("replace_original").asBoolean()).isFalse();
    assertThat(first.get("text").asText()).isEqualTo("Voted for " + q + "; it now has 1 vote.");
    assertThat(second.get("text").asText()).isEqualTo("✗ You have already voted for " + q + ".");
    assertThat(tally(q)).isEqualTo(1);
  }

  @Test
  void givenRemoveVote_thenTheVoteIsTakenBack() {
    QuestionId q = released.get(0);
    click(participant(9), Ids.Board.UPVOTE, q);

    JsonNode removed = click(participant(9), Ids.Board.UNVOTE, q);

    assertThat(removed.get("text").asText()).contains("Vote removed from " + q);
    assertThat(tally(q)).isZero();
  }

  @Test
  void givenAParticipantUsingTheModeratorMenu_thenTheCoreRefusesThemPrivately() {
    QuestionId q = released.get(0);

    JsonNode answer = choose(participant(5), ModeratorChoice.HIDE, q);

    assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.get("text").asText())
        .startsWith("✗ Only moderators of " + session.id() + " can hide questions");
    assertThat(rig.core.question(q).status()).isEqualTo(QuestionStatus.PUBLISHED);
  }

  @Test
  void givenAModeratorHidingAQuestion_thenItLeavesTheBoard() {
    QuestionId q = released.get(0);

    JsonNode answer = choose(SlackRig.MODERATOR, ModeratorChoice.HIDE, q);

    assertThat(answer.get("text").asText()).startsWith("Hid " + q);
    assertThat(rig.core.question(q).status()).isEqualTo(QuestionStatus.HIDDEN);
  }

  @Test
  void givenAModeratorMarkingAnswered_thenTheQuestionIsAnswered() {
    QuestionId q = released.get(2);

    choose(SlackRig.MODERATOR, ModeratorChoice.ANSWERED, q);

    assertThat(rig.core.question(q).status()).isEqualTo(QuestionStatus.ANSWERED);
  }

  @Test
  void givenAParticipantChoosingMerge_thenNoModalOpensAndTheRefusalIsPrivate() {
    JsonNode answer = choose(participant(5), ModeratorChoice.MERGE, released.get(0));

    assertThat(answer.get("text").asText()).startsWith("✗ Only moderators of " + session.id());
    assertThat(rig.slack.calls("views.open")).isEmpty();
  }

  @Test
  void givenAModeratorMerging_thenTheModalOpensAndItsSubmissionMerges() {
    QuestionId duplicate = released.get(0);
    QuestionId into = released.get(1);
    rig.overflow(
        SlackRig.MODERATOR,
        Ids.Board.MODERATE,
        ModeratorChoice.of(ModeratorChoice.MERGE, duplicate).json());
    JsonNode view = rig.slack.calls("views.open").get(0).json("view");
    assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Board.MERGE_CALLBACK);
    assertThat(view.toString()).doesNotContain("\"value\":\"" + duplicate.code() + "\"");

    JsonNode done =
        SlackJson.read(
            rig.submit(
                    SlackRig.MODERATOR,
                    Ids.Board.MERGE_CALLBACK,
                    view.get("private_metadata").asText(),
                    ViewInput.of()
                        .selected(Ids.Board.MERGE_BLOCK, Ids.Board.MERGE_ACTION, into.code()))
                .body());

    assertThat(done.get("response_action").asText()).isEqualTo("update");
    assertThat(rig.core.question(duplicate).status()).isEqualTo(QuestionStatus.MERGED);
  }

  private QuestionId ask(String user, String text) {
    String reply =
        SlackJson.read(rig.slash(user, "ask " + session.id() + " " + text).body())
            .get("text")
            .asText();
    return QuestionId.parse(
        reply.substring(reply.indexOf(" as q") + 4, reply.indexOf(" as q") + 9));
  }

  /** Clicks a board button and returns the private answer it got through the response_url. */
  private JsonNode click(String user, String actionId, QuestionId q) {
    int before = rig.slack.calls("response_url").size();
    assertThat(rig.button(user, actionId, q.toString()).statusCode()).isEqualTo(200);
    return answerAfter(before);
  }

  private JsonNode choose(String user, String op, QuestionId q) {
    int before = rig.slack.calls("response_url").size();
    rig.overflow(user, Ids.Board.MODERATE, ModeratorChoice.of(op, q).json());
    return answerAfter(before);
  }

  private JsonNode answerAfter(int before) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rig.slack.calls("response_url").size() > before);
    return SlackJson.read(rig.slack.calls("response_url").get(before).param("json"));
  }

  private int tally(QuestionId q) {
    return rig.core.board(session.id()).entries().stream()
        .filter(e -> e.id().equals(q))
        .findFirst()
        .orElseThrow()
        .votes();
  }

  private static String ts(FakeSlackApi.Call post) {
    return post.answerJson().get("ts").asText();
  }
}
