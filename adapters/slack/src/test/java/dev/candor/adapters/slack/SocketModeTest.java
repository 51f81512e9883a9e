package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode, the default when an app token is set: the adapter opens a connection with {@code
 * apps.connections.open}, connects over WebSocket (Tyrus) to a local stand-in for Slack's endpoint,
 * and answers each envelope with an acknowledgement carrying the reply.
 */
class SocketModeTest {
  private FakeSlackApi slack;
  private TestCandor core;
  private Javalin endpoint;
  private SlackAdapter adapter;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicReference<WsContext> connection = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    core =
        TestCandor.create()
            .withChannels(SlackRig.SLACK_CHANNEL)
            .withModerators(new UserRef(Platform.SLACK, SlackRig.MODERATOR))
            .build();
    endpoint =
        Javalin.create()
            .ws(
                "/link",
                ws -> {
                  ws.onConnect(
                      ctx -> {
                        connection.set(ctx);
                        ctx.send("{\"type\":\"hello\",\"num_connections\":1}");
                      });
                  ws.onMessage(ctx -> received.add(ctx.message()));
                })
            .start("127.0.0.1", 0);
    slack.socketModeUrl("ws://127.0.0.1:" + endpoint.port() + "/link");
    SlackSettings settings =
        SlackSettings.fromEnvironment(
                Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-test-token",
                    "SLACK_APP_TOKEN", "xapp-test-token",
                    "CANDOR_SLACK_API_URL", slack.apiUrl()))
            .orElseThrow();
    adapter = new SlackAdapter(settings, core.candor());
    core.candor().register(adapter.messenger());
  }

  @AfterEach
  void stop() {
    adapter.close();
    endpoint.stop();
    core.close();
    slack.close();
  }

  @Test
  void givenASlashCommandEnvelope_thenItIsAcknowledgedWithAnEphemeralReply() throws Exception {
    ListeningSession s = core.scheduleSession();
    adapter.startSocketMode();
    await().atMost(Duration.ofSeconds(10)).until(() -> connection.get() != null);

    connection.get().send(slashEnvelope("env-1", "ask " + s.id() + " Will the canteen reopen?"));

    await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
    JsonNode ack = SlackJson.read(received.get(0));
    assertThat(ack.get("envelope_id").asText()).isEqualTo("env-1");
    assertThat(ack.get("payload").get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(ack.get("payload").get("text").asText()).contains("Asked anonymously as q");
    assertThat(core.count("questions")).isEqualTo(1);
    assertThat(slack.calls("apps.connections.open")).isNotEmpty();
  }

  @Test
  void givenARetriedEnvelope_thenItIsAcknowledgedButHandledOnce() throws Exception {
    ListeningSession s = core.scheduleSession();
    adapter.startSocketMode();
    await().atMost(Duration.ofSeconds(10)).until(() -> connection.get() != null);

    connection.get().send(slashEnvelope("env-1", "ask " + s.id() + " Will the canteen reopen?"));
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    connection
        .get()
        .send(
            slashEnvelope("env-2", "ask " + s.id() + " Will the canteen reopen?")
                .replace("\"envelope_id\"", "\"retry_attempt\":1,\"envelope_id\""));

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
    assertThat(SlackJson.read(received.get(1)).get("envelope_id").asText()).isEqualTo("env-2");
    assertThat(core.count("questions")).isEqualTo(1);
  }

  private static String slashEnvelope(String envelopeId, String text) {
    return SlackRig.json(
        Map.of(
            "envelope_id",
            envelopeId,
            "type",
            "slash_commands",
            "accepts_response_payload",
            true,
            "payload",
            Payloads.slashCommand(
                participant(1), text, "socket-trigger-1", "https://hooks.slack.invalid/1")));
  }
}
