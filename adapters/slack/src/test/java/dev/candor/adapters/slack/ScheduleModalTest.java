package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ListeningSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleModalTest {
  private static final String V = Ids.Schedule.VALUE;
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
  void givenAnOrganizersSubmission_thenTheSessionIsScheduledAsFilledIn() {
    HttpResponse<String> r =
        rig.submit(SlackRig.ORGANIZER, Ids.Schedule.CALLBACK, null, ViewInput.scheduleForm("5"));

    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_action").asText()).isEqualTo("update");
    assertThat(body.get("view").toString())
        .contains("Scheduled")
        .contains("<#" + SlackRig.CHANNEL + ">");
    ListeningSession s = rig.core.candor().sessions().current().get(0);
    assertThat(s.title()).isEqualTo("Reorg Q&A");
    assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(s.startsAt()).isEqualTo(Instant.parse("2026-03-03T14:00:00Z"));
    assertThat(s.endsAt()).isEqualTo(Instant.parse("2026-03-03T14:45:00Z"));
    assertThat(s.audience()).containsExactly(SlackRig.SLACK_CHANNEL);
    assertThat(s.moderators()).containsExactly(new UserRef(Platform.SLACK, SlackRig.MODERATOR));
    assertThat(s.settings().minAskers()).isEqualTo(5);
    assertThat(s.settings().reminderOffsets())
        .containsExactly(Duration.ofDays(1), Duration.ofHours(1));
    assertThat(s.settings().premoderated()).isTrue();
  }

  @Test
  void givenKBelowThree_thenTheErrorShowsBesideK() {
    HttpResponse<String> r =
        rig.submit(SlackRig.ORGANIZER, Ids.Schedule.CALLBACK, null, ViewInput.scheduleForm("2"));

    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_action").asText()).isEqualTo("errors");
    assertThat(body.get("errors").get(Ids.Schedule.K_BLOCK).asText())
        .startsWith("k must be a whole number from 3");
    assertThat(rig.core.candor().sessions().current()).isEmpty();
  }

  @Test
  void givenAStartInThePast_thenTheErrorShowsBesideTheDate() {
    ViewInput past = ViewInput.scheduleForm("5").date(Ids.Schedule.DATE_BLOCK, V, "2026-03-01");

    HttpResponse<String> r = rig.submit(SlackRig.ORGANIZER, Ids.Schedule.CALLBACK, null, past);

    assertThat(SlackJson.read(r.body()).get("errors").get(Ids.Schedule.DATE_BLOCK).asText())
        .contains("in the past");
  }

  @Test
  void givenAParticipantsSubmission_thenTheCoreRefusesIt() {
    HttpResponse<String> r =
        rig.submit(participant(1), Ids.Schedule.CALLBACK, null, ViewInput.scheduleForm("5"));

    assertThat(SlackJson.read(r.body()).get("errors").get(Ids.Schedule.TITLE_BLOCK).asText())
        .startsWith("Only organizers can schedule sessions");
    assertThat(rig.core.candor().sessions().current()).isEmpty();
  }

  @Test
  void givenTheShortcut_thenOrganizersGetTheFormAndOthersARefusal() {
    rig.shortcut(SlackRig.ORGANIZER, Ids.Schedule.SHORTCUT);
    rig.shortcut(participant(1), Ids.Schedule.SHORTCUT);

    List<FakeSlackApi.Call> opened = rig.slack.calls("views.open");
    JsonNode form = opened.get(0).json("view");
    assertThat(form.get("callback_id").asText()).isEqualTo(Ids.Schedule.CALLBACK);
    assertThat(form.get("blocks").toString())
        .contains("\"initial_date\":\"2026-03-03\"")
        .contains("\"default_to_current_conversation\":true");
    assertThat(opened.get(1).json("view").toString()).contains("Only organizers can schedule");
  }
}
