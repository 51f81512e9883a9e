package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.session.ListeningSession;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppHomeTest {
  private SlackRig rig;
  private ListeningSession session;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start(b -> b.withPremoderation());
    session = rig.core.scheduleSession();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenAParticipantOpensTheHome_thenItShowsSessionsAndAnAskButtonOnly() {
    JsonNode view = openHome(participant(1));

    assertThat(view.get("type").asText()).isEqualTo("home");
    String blocks = view.get("blocks").toString();
    assertThat(blocks)
        .contains(Ids.Ask.OPEN)
        .contains(session.title())
        .contains("Who can see what")
        .doesNotContain(Ids.Home.SUMMARY)
        .doesNotContain(Ids.Schedule.OPEN);
  }

  @Test
  void givenAModeratorOpensTheHome_thenItShowsTheQueueAndTheSummaryButton() {
    rig.core
        .candor()
        .questions()
        .ask(dev.candor.core.testing.TestCandor.participant(1), session.id(), "Held back?");
    rig.core
        .candor()
        .questions()
        .ask(dev.candor.core.testing.TestCandor.participant(2), session.id(), "Also held?");
    rig.core
        .candor()
        .questions()
        .ask(dev.candor.core.testing.TestCandor.participant(3), session.id(), "Third held?");

    String blocks = openHome(SlackRig.MODERATOR).get("blocks").toString();

    assertThat(blocks)
        .contains(Ids.Home.SUMMARY)
        .contains("\"value\":\"" + session.id() + "\"")
        .contains("Waiting for your approval* (3)")
        .contains("Held back?")
        .contains(Ids.Home.APPROVE);
  }

  @Test
  void givenAnOrganizer_thenTheHomeOffersToSchedule() {
    assertThat(openHome(SlackRig.ORGANIZER).get("blocks").toString()).contains(Ids.Schedule.OPEN);
  }

  @Test
  void givenTheSummaryButton_thenTheSummaryArrivesAsADirectMessage() {
    rig.homeButton(SlackRig.MODERATOR, Ids.Home.SUMMARY, session.id().toString());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !rig.slack.calls("chat.postMessage").isEmpty());
    assertThat(rig.slack.calls("conversations.open").get(0).param("users"))
        .isEqualTo(SlackRig.MODERATOR);
    FakeSlackApi.Call dm = rig.slack.calls("chat.postMessage").get(0);
    assertThat(dm.param("channel")).isEqualTo("D" + SlackRig.MODERATOR);
    assertThat(dm.json("blocks").toString()).contains("Summary: " + session.title());
  }

  @Test
  void givenAnApproval_thenTheHomeIsRepublishedWithTheOutcome() {
    var asked =
        rig.core
            .candor()
            .questions()
            .ask(dev.candor.core.testing.TestCandor.participant(1), session.id(), "Held back?");

    rig.homeButton(SlackRig.MODERATOR, Ids.Home.APPROVE, asked.id().toString());

    await().atMost(Duration.ofSeconds(5)).until(() -> !rig.slack.calls("views.publish").isEmpty());
    assertThat(rig.slack.calls("views.publish").get(0).json("view").get("blocks").get(0).toString())
        .contains("✓ Approved " + asked.id());
  }

  private JsonNode openHome(String user) {
    rig.homeOpened(user, rig.nextEventId(), 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> !rig.slack.calls("views.publish").isEmpty());
    FakeSlackApi.Call publish = rig.slack.calls("views.publish").get(0);
    assertThat(publish.param("user_id")).isEqualTo(user);
    return publish.json("view");
  }
}
