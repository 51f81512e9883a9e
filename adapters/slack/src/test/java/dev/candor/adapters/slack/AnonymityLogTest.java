package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Identity is dropped at the door: nothing a participant does puts their id in a log line. */
class AnonymityLogTest {
  private static final String QUESTION = "Who decided to close the Leeds office?";
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
  void givenEverythingLoggedAtDebug_thenAnAskAndAVoteLeaveNoParticipantIdOrQuestionText() {
    ListeningSession s = rig.core.scheduleSession();
    String text;
    try (LogCapture logs = LogCapture.rootAtDebug()) {
      rig.slash(participant(1), "ask " + s.id() + " " + QUESTION);
      rig.slash(participant(2), "ask " + s.id() + " Second question?");
      String reply = rig.slash(participant(3), "ask " + s.id() + " Third question?").body();
      rig.core.deliverDue();
      QuestionId q = rig.core.board(s.id()).entries().get(0).id();
      rig.button(participant(4), Ids.Board.UPVOTE, q.toString());
      await().atMost(Duration.ofSeconds(5)).until(() -> !rig.slack.calls("response_url").isEmpty());
      rig.homeOpened(participant(5), rig.nextEventId(), 0);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !rig.slack.calls("views.publish").isEmpty());
      rig.core.deliverDue();
      text = logs.text();
      assertThat(reply).contains("Asked anonymously");
    }

    assertThat(text).contains("slack chat.postMessage -> HTTP 200");
    for (int i = 1; i <= 5; i++) {
      assertThat(text).doesNotContain(participant(i));
    }
    assertThat(text).doesNotContain(QUESTION).doesNotContain("Leeds");
  }
}
