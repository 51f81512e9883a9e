package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.adapters.slack.render.Ids;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correctly signed requests that Candor cannot read, each one a case {@link
 * SlackPayloadPropertyTest} found answered with 500: now 400 with a one-line error, and nothing
 * stored. Forms that merely carry impossible values get the form's own errors.
 */
class MalformedRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MALFORMED = "{\"error\":\"malformed request\"}";

  private SlackRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start();
    rig.core.scheduleSession();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        interaction("payload that is not JSON", "{"),
        interaction("payload that is a JSON array", "[]"),
        interaction("team of the wrong type", json(vote(), p -> p.put("team", "T0CANDOR"))),
        interaction("type of the wrong type", json(vote(), p -> p.set("type", p.arrayNode()))),
        interaction("a null action", json(vote(), p -> p.set("actions", p.arrayNode().addNull()))),
        interaction(
            "a submission without its view",
            json(submission(), p -> p.remove("view") == null ? p : p)),
        interaction(
            "a moderator choice Candor did not write",
            json(moderate("{\"op\":\"hide\",\"question\":\"<@U123>\"}"), p -> p)),
        interaction(
            "a moderator menu without a choice",
            json(moderate("{}"), MalformedRequestTest::noChoice)),
        interaction("merge metadata that is null", json(merge("null"), p -> p)),
        Arguments.of("an event id that is no string", eventWithObjectId(), "application/json"),
        Arguments.of(
            "a form with a broken escape",
            Payloads.form(Payloads.slashCommand(participant(1), "help", "t1", "http://x/")) + "%zz",
            "application/x-www-form-urlencoded"),
        Arguments.of(
            "a slash command without its channel",
            Payloads.form(
                without(Payloads.slashCommand(participant(1), "help", "t2", "x"), "channel_id")),
            "application/x-www-form-urlencoded"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void givenASignedRequestCandorCannotRead_then400AndNothingStored(
      String what, String body, String contentType) {
    long questions = rig.core.count("questions");
    long sessions = rig.core.count("sessions");

    HttpResponse<String> r = rig.post(body, contentType, Map.of());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(MALFORMED);
    assertThat(rig.core.count("questions")).isEqualTo(questions);
    assertThat(rig.core.count("sessions")).isEqualTo(sessions);
  }

  @Test
  void givenAScheduleFormWithALengthBeyondAWeek_thenTheFormSaysSoAndNothingIsScheduled() {
    long sessions = rig.core.count("sessions");

    HttpResponse<String> r =
        rig.submit(
            SlackRig.ORGANIZER, Ids.Schedule.CALLBACK, null, scheduleForm("9223372036854775807"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(SlackJson.read(r.body()).path("errors").has(Ids.Schedule.DURATION_BLOCK)).isTrue();
    assertThat(rig.core.count("sessions")).isEqualTo(sessions);
  }

  @Test
  void givenAScheduleFormEndingAfterTheLastDayJavaKnows_thenTheFormSaysSoAndNothingIsScheduled() {
    long sessions = rig.core.count("sessions");

    HttpResponse<String> r =
        rig.submit(
            SlackRig.ORGANIZER,
            Ids.Schedule.CALLBACK,
            null,
            scheduleForm("10080")
                .date(Ids.Schedule.DATE_BLOCK, Ids.Schedule.VALUE, "+999999999-12-31"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(SlackJson.read(r.body()).path("errors").has(Ids.Schedule.DATE_BLOCK)).isTrue();
    assertThat(rig.core.count("sessions")).isEqualTo(sessions);
  }

  @Test
  void givenASubmissionWithoutItsTeam_thenItIsAnsweredAsFromNoWorkspace() {
    ObjectNode p = JSON.valueToTree(submission());
    p.remove("team");

    HttpResponse<String> r =
        rig.post(
            Payloads.form(Map.of("payload", p.toString())),
            "application/x-www-form-urlencoded",
            Map.of());

    assertThat(r.statusCode()).isEqualTo(200);
  }

  // ---- payloads ----

  private static Map<String, Object> vote() {
    return Payloads.messageAction(
        participant(1),
        "t3",
        "http://127.0.0.1:9/respond",
        Payloads.button(Ids.Board.UPVOTE, "q2345"));
  }

  private static Map<String, Object> moderate(String choice) {
    return Payloads.messageAction(
        SlackRig.MODERATOR,
        "t4",
        "http://127.0.0.1:9/respond",
        Payloads.overflow(Ids.Board.MODERATE, choice));
  }

  private static Map<String, Object> submission() {
    return Payloads.viewSubmission(
        participant(1),
        "t5",
        Ids.Ask.CALLBACK,
        null,
        ViewInput.of().text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION, "Why?"));
  }

  private static Map<String, Object> merge(String metadata) {
    return Payloads.viewSubmission(
        SlackRig.MODERATOR,
        "t6",
        Ids.Board.MERGE_CALLBACK,
        metadata,
        ViewInput.of().selected(Ids.Board.MERGE_BLOCK, Ids.Board.MERGE_ACTION, "q2345"));
  }

  private static String eventWithObjectId() {
    ObjectNode event = JSON.valueToTree(Payloads.homeOpened(participant(1), "Ev1"));
    event.put("team_id", "");
    event.putObject("event_id");
    return event.toString();
  }

  private static ObjectNode noChoice(ObjectNode p) {
    ((ObjectNode) p.path("actions").path(0)).remove("selected_option");
    return p;
  }

  private static ViewInput scheduleForm(String minutes) {
    String v = Ids.Schedule.VALUE;
    return ViewInput.of()
        .text(Ids.Schedule.TITLE_BLOCK, v, "Reorg Q&A")
        .date(Ids.Schedule.DATE_BLOCK, v, "2026-03-03")
        .time(Ids.Schedule.TIME_BLOCK, v, "15:00")
        .selected(Ids.Schedule.ZONE_BLOCK, v, "Europe/Berlin")
        .selected(Ids.Schedule.DURATION_BLOCK, v, minutes)
        .conversations(Ids.Schedule.CHANNELS_BLOCK, v, SlackRig.CHANNEL)
        .number(Ids.Schedule.K_BLOCK, v, "5");
  }

  private static String json(Map<String, Object> payload, UnaryOperator<ObjectNode> change) {
    return change.apply(JSON.valueToTree(payload)).toString();
  }

  private static Arguments interaction(String what, String payload) {
    return Arguments.of(
        what, Payloads.form(Map.of("payload", payload)), "application/x-www-form-urlencoded");
  }

  private static Map<String, String> without(Map<String, String> fields, String name) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.remove(name);
    return copy;
  }
}
