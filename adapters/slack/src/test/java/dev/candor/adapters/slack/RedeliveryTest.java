package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack redelivers what it thinks we missed; each delivery is processed once. */
class RedeliveryTest {
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
  void givenAnEventRetriedWithXSlackRetryNum_thenItIsAcknowledgedAndHandledOnce() throws Exception {
    String id = rig.nextEventId();

    HttpResponse<String> first = rig.homeOpened(participant(1), id, 0);
    HttpResponse<String> retry = rig.homeOpened(participant(1), id, 1);
    HttpResponse<String> again = rig.homeOpened(participant(1), id, 2);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> rig.slack.calls("views.publish").size() == 1);
    Thread.sleep(300);
    assertThat(rig.slack.calls("views.publish")).hasSize(1);
  }

  @Test
  void givenTwoDifferentEvents_thenBothAreHandled() {
    rig.homeOpened(participant(1), rig.nextEventId(), 0);
    rig.homeOpened(participant(1), rig.nextEventId(), 0);

    await().atMost(Duration.ofSeconds(5)).until(() -> rig.slack.calls("views.publish").size() == 2);
  }

  @Test
  void givenTheSameSlashCommandDeliveredTwice_thenTheQuestionIsStoredOnce() {
    var s = rig.core.scheduleSession();

    HttpResponse<String> first =
        rig.slash(participant(1), "ask " + s.id() + " Budget?", "trigger-once");
    HttpResponse<String> repeat =
        rig.slash(participant(1), "ask " + s.id() + " Budget?", "trigger-once");

    assertThat(first.body()).contains("Asked anonymously");
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(repeat.body()).isEmpty();
    assertThat(rig.core.count("questions")).isEqualTo(1);
  }
}
