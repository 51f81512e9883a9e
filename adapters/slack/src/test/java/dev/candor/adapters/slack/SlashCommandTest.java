package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.session.ListeningSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlashCommandTest {
  private SlackRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenAskWithText_thenTheAnswerIsEphemeralAndTheQuestionIsStored() {
    ListeningSession s = rig.core.scheduleSession();

    HttpResponse<String> r =
        rig.slash(participant(1), "ask " + s.id() + " Why is the night shift being cut?");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("text").asText()).contains("Asked anonymously as q");
    assertThat(r.body()).doesNotContain("in_channel");
    assertThat(rig.core.count("questions")).isEqualTo(1);
    assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
    assertThat(rig.slack.calls("response_url")).isEmpty();
  }

  @Test
  void givenNoText_thenTheAskModalOpensForTheTrigger() {
    ListeningSession s = rig.core.scheduleSession();

    HttpResponse<String> r = rig.slash(participant(1), "", "trigger-empty");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    FakeSlackApi.Call open = rig.slack.calls("views.open").get(0);
    assertThat(open.param("trigger_id")).isEqualTo("trigger-empty");
    JsonNode view = open.json("view");
    assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Ask.CALLBACK);
    assertThat(view.toString())
        .contains(s.id().toString())
        .contains("Who can see what")
        .contains("\"initial_option\"");
  }

  @Test
  void givenNoTextFromAnOrganizer_thenTheAnswerOffersToSchedule() {
    HttpResponse<String> r = rig.slash(SlackRig.ORGANIZER, "");

    assertThat(rig.slack.calls("views.open")).hasSize(1);
    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(r.body()).contains(Ids.Schedule.OPEN);
  }

  @Test
  void givenHelp_thenTheHelpSaysWhoSeesWhatPrivately() {
    HttpResponse<String> r = rig.slash(participant(1), "help");

    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("blocks").get(0).get("text").get("text").asText())
        .startsWith("```")
        .contains("Who can see what")
        .contains("ask [&lt;session&gt;]");
  }

  @Test
  void givenACommandError_thenItIsOneEphemeralLine() {
    HttpResponse<String> r = rig.slash(participant(1), "vote q2222");

    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("text").asText()).startsWith("✗ There is no question q2222");
  }

  @Test
  void givenScheduleAlone_thenTheScheduleModalOpensForOrganizers() {
    rig.slash(SlackRig.ORGANIZER, "schedule");

    JsonNode view = rig.slack.calls("views.open").get(0).json("view");
    assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Schedule.CALLBACK);
    assertThat(view.toString())
        .contains("\"initial_conversations\":[\"" + SlackRig.CHANNEL + "\"]");
  }

  @Test
  void givenASlowCommand_thenItIsAcknowledgedAtOnceAndAnsweredThroughTheResponseUrl()
      throws Exception {
    // A zero budget stands in for a command that takes longer than Slack waits.
    try (SlackRig slow = SlackRig.startWithCommandBudget(Duration.ZERO)) {
      slow.core.scheduleSession();
      HttpResponse<String> r = slow.slash(participant(1), "sessions");
      assertThat(r.body()).contains("Working on it");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !slow.slack.calls("response_url").isEmpty());
      JsonNode late = SlackJson.read(slow.slack.calls("response_url").get(0).param("json"));
      assertThat(late.get("response_type").asText()).isEqualTo("ephemeral");
      assertThat(late.toString()).contains("Session 1");
    }
  }
}
