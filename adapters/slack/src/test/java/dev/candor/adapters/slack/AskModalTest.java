package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.session.ListeningSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AskModalTest {
  private SlackRig rig;
  private ListeningSession session;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start();
    session = rig.core.scheduleSession();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenAQuestion_thenItIsStoredAndTheModalShowsTheIdOnlyTheAskerKnows() {
    HttpResponse<String> r = ask(participant(1), session.id().toString(), "Will remote work stay?");

    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_action").asText()).isEqualTo("update");
    assertThat(body.get("view").toString()).contains("Asked anonymously as `q");
    assertThat(rig.core.count("questions")).isEqualTo(1);
  }

  @Test
  void givenTooShortAQuestion_thenTheErrorShowsBesideTheQuestion() {
    HttpResponse<String> r = ask(participant(1), session.id().toString(), " ab ");

    JsonNode body = SlackJson.read(r.body());
    assertThat(body.get("response_action").asText()).isEqualTo("errors");
    assertThat(body.get("errors").get(Ids.Ask.TEXT_BLOCK).asText())
        .startsWith("A question needs at least 3 characters");
    assertThat(rig.core.count("questions")).isZero();
  }

  @Test
  void givenASessionThatNoLongerTakesQuestions_thenTheErrorShowsBesideThePicker() {
    rig.core.candor().sessions().cancel(session.id());

    HttpResponse<String> r = ask(participant(1), session.id().toString(), "Will remote work stay?");

    JsonNode errors = SlackJson.read(r.body()).get("errors");
    assertThat(errors.get(Ids.Ask.SESSION_BLOCK).asText()).contains("does not take questions");
  }

  @Test
  void givenNoSessionChosen_thenThePickerAsksForOne() {
    HttpResponse<String> r =
        rig.submit(
            participant(1),
            Ids.Ask.CALLBACK,
            null,
            ViewInput.of().text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION, "Will remote work stay?"));

    assertThat(SlackJson.read(r.body()).get("errors").get(Ids.Ask.SESSION_BLOCK).asText())
        .isEqualTo("Choose a session.");
  }

  @Test
  void givenTheGlobalShortcut_thenTheFormOpensWithWhoSeesWhat() {
    rig.shortcut(participant(1), Ids.Ask.SHORTCUT);

    JsonNode view = rig.slack.calls("views.open").get(0).json("view");
    assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Ask.CALLBACK);
    assertThat(view.get("blocks")).hasSize(3);
    assertThat(view.get("blocks").get(2).toString()).contains("Who can see what");
  }

  @Test
  void givenAnAskButtonNamingASession_thenThatSessionIsPreselected() {
    ListeningSession other = rig.core.scheduleSession();

    rig.button(participant(1), Ids.Ask.OPEN, other.id().toString());

    JsonNode select =
        rig.slack.calls("views.open").get(0).json("view").get("blocks").get(0).get("element");
    assertThat(select.get("options")).hasSize(2);
    assertThat(select.get("initial_option").get("value").asText()).isEqualTo(other.id().toString());
  }

  @Test
  void givenAnAskButtonNamingNoSessionThatExists_thenThePlainModalOpens() {
    HttpResponse<String> r = rig.button(participant(1), Ids.Ask.OPEN, "s0");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode select =
        rig.slack.calls("views.open").get(0).json("view").get("blocks").get(0).get("element");
    assertThat(select.get("options")).hasSize(1);
    assertThat(select.get("options").get(0).get("value").asText())
        .isEqualTo(session.id().toString());
  }

  @Test
  void givenNoSessionTakingQuestions_thenTheModalSaysSoInsteadOfAForm() {
    rig.core.candor().sessions().cancel(session.id());

    rig.shortcut(participant(1), Ids.Ask.SHORTCUT);

    JsonNode view = rig.slack.calls("views.open").get(0).json("view");
    assertThat(view.has("submit")).isFalse();
    assertThat(view.toString()).contains("No session is taking questions right now");
  }

  private HttpResponse<String> ask(String user, String sessionId, String text) {
    return rig.submit(
        user,
        Ids.Ask.CALLBACK,
        null,
        ViewInput.of()
            .selected(Ids.Ask.SESSION_BLOCK, Ids.Ask.SESSION_ACTION, sessionId)
            .text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION, text));
  }
}
