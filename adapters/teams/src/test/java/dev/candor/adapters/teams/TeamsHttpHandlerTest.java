package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport-neutral endpoint: statuses and bodies for what can arrive. */
class TeamsHttpHandlerTest {
  private TeamsHarness teams;

  @BeforeEach
  void start() {
    teams = TeamsHarness.local();
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]", "{\"text\":\"no type\"}"})
  void givenABodyThatIsNoActivity_then400(String body) {
    assertThat(teams.server.post(body).status()).isEqualTo(400);
  }

  @Test
  void givenAMessage_then200WithNoBody() {
    BotServer.Answer answer =
        teams.server.post(teams.activities.personal(TeamsActivityJson.user("alice"), "help"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void givenAnInvokeNobodyHandles_then400SayingCandorDoesNotHandleIt() {
    String invoke =
        teams.activities.invoke(
            "composeExtension/query",
            TeamsActivityJson.user("alice"),
            false,
            TeamsActivityJson.data("x"));

    BotServer.Answer answer = teams.server.post(invoke);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"Candor does not handle this invoke\"}");
  }

  @Test
  void givenAnInvoke_thenTheInvokeResponseBodyIsWrittenAsJson() {
    TeamsHttpHandler handler =
        new TeamsHttpHandler(teams.adapter, new CandorBot(teams.core.candor()));
    String invoke =
        teams.activities.invoke(
            "task/fetch", TeamsActivityJson.user("alice"), true, TeamsActivityJson.data("unknown"));

    TeamsHttpHandler.Response response = handler.handle(null, invoke);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.body()).contains("\"type\":\"message\"").contains(TaskModules.OUT_OF_DATE);
  }

  @Test
  void givenTheConnectorRefusesTheReplyAfterAnAsk_thenAcknowledgedSoTeamsDoesNotRetryTheAsk() {
    String session = teams.session().id().toString();
    teams.connector.failNext(500, Map.of());

    BotServer.Answer answer =
        teams.server.post(
            teams.activities.personal(
                TeamsActivityJson.user("asker"), "ask " + session + " Why the reorganisation?"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(teams.questionCount()).isEqualTo(1);
  }
}
