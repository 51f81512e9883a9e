package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The walk-through, through real HTTP and real Bolt: slash command, modal, submission,
 * release, the board posted, thirty upvotes, the board edited once with the right tally.
 */
class EndToEndTest {
  private static final Duration WINDOW = Duration.ofSeconds(3);
  private SlackRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenThirtyUpvotesInOneRefreshWindow_thenTheBoardIsEditedOnceWithTheRightTally()
      throws Exception {
    rig = SlackRig.start(b -> b.withBoardRefreshInterval(WINDOW));
    ListeningSession s = rig.core.scheduleSession();

    for (int i = 1; i <= 3; i++) {
      rig.slash(participant(i), "");
      JsonNode view = rig.slack.calls("views.open").get(i - 1).json("view");
      String picked =
          view.get("blocks").get(0).get("element").get("initial_option").get("value").asText();
      assertThat(picked).isEqualTo(s.id().toString());
      rig.submit(
          participant(i),
          Ids.Ask.CALLBACK,
          null,
          ViewInput.of()
              .selected(Ids.Ask.SESSION_BLOCK, Ids.Ask.SESSION_ACTION, picked)
              .text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION, "Question number " + i + "?"));
    }
    assertThat(rig.core.dumpAllTables()).noneMatch(row -> row.contains("UPARTICIPANT"));

    rig.core.clock().advance(WINDOW);
    rig.core.deliverDue();
    FakeSlackApi.Call board = rig.slack.calls("chat.postMessage").get(0);
    QuestionId top = firstQuestion(board.json("blocks"));

    for (int i = 10; i < 40; i++) {
      rig.button(participant(i), Ids.Board.UPVOTE, top.toString());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rig.slack.calls("response_url").size() == 30);
    rig.core.clock().advance(WINDOW);
    rig.core.deliverDue();

    List<FakeSlackApi.Call> updates = rig.slack.calls("chat.update");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).param("ts")).isEqualTo(board.answerJson().get("ts").asText());
    assertThat(updates.get(0).json("blocks").toString()).contains("*30 votes* · `" + top + "`");
    assertThat(rig.slack.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void givenMentionsInAQuestion_thenNobodyIsPingedAnywhere() throws Exception {
    rig = SlackRig.start();
    ListeningSession s = rig.core.scheduleSession();
    String injection = "<!channel> <!here> <@U123> <!subteam^S0LEAD> & why the cuts?";

    String reply = rig.slash(participant(1), "ask " + s.id() + " " + injection).body();
    rig.slash(participant(2), "ask " + s.id() + " Second question?");
    rig.slash(participant(3), "ask " + s.id() + " Third question?");
    rig.core.deliverDue();

    assertThat(SlackJson.read(reply).toString())
        .doesNotContain("<!channel>")
        .contains("&lt;!channel&gt;");
    FakeSlackApi.Call board = rig.slack.calls("chat.postMessage").get(0);
    // The blocks travel as JSON in which Gson escapes < and &: read them decoded.
    for (String sent : List.of(board.param("text"), board.json("blocks").toString())) {
      assertThat(sent)
          .doesNotContain("<!channel>", "<!here>", "<@U123>", "<!subteam^S0LEAD>")
          .contains(
              "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S0LEAD&gt; &amp; why");
    }
  }

  private static QuestionId firstQuestion(JsonNode blocks) {
    for (JsonNode block : blocks) {
      if (block.path("block_id").asText().startsWith("qa_")) {
        return QuestionId.parse(block.get("elements").get(0).get("value").asText());
      }
    }
    throw new AssertionError("no question on the board: " + blocks);
  }
}
