package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.CHANNEL;
import static dev.candor.adapters.teams.TeamsActivityJson.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.candor.adapters.teams.FakeConnector.Request;
import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.Notice;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound port against the fake connector: posts, in-place edits, 1:1 chats, failures. */
class TeamsMessengerTest {
  private TeamsHarness teams;
  private ListeningSession session;

  @BeforeEach
  void start() {
    teams = TeamsHarness.local();
    teams.install();
    session = teams.session();
    teams.connector.clear();
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  @Test
  void givenReleasedQuestions_thenTheBoardIsPostedAndLaterEditedInPlaceWithTheNewTally() {
    List<QuestionId> q = teams.core.askEach(session.id(), 1, 3);
    teams.core.clock().advance(Duration.ofSeconds(5));
    teams.core.deliverDue();

    List<Request> posts = teams.connector.posted(CHANNEL);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).path()).isEqualTo("/v3/conversations/" + CHANNEL + "/activities");
    String activityId =
        teams.core.tx(tx -> tx.boards().find(session.id(), TeamsHarness.CHANNEL)).orElseThrow();

    teams.invoke(
        "task/fetch",
        TeamsActivityJson.user("alice"),
        true,
        data(CardIds.VOTE).put(CardIds.QUESTION, q.get(1).toString()));
    teams.core.clock().advance(Duration.ofSeconds(5));
    teams.core.deliverDue();

    List<Request> edits = teams.connector.updated(CHANNEL);
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).path())
        .isEqualTo("/v3/conversations/" + CHANNEL + "/activities/" + activityId);
    assertThat(edits.get(0).body().path("id").asText()).isEqualTo(activityId);
    assertThat(edits.get(0).cardText()).contains("Rank 1 · 1 vote · " + q.get(1));
    assertThat(teams.connector.posted(CHANNEL)).hasSize(1);
  }

  @Test
  void givenRateLimitWithRetryAfter_thenTemporaryWithThatWait() {
    teams.connector.failNext(429, Map.of("Retry-After", "7"));

    DeliveryException e = postFails();

    assertThat(e.isPermanent()).isFalse();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).isEqualTo("sendToConversation: HTTP 429 (rate limited)");
  }

  @Test
  void givenPreconditionFailedOrGatewayTrouble_thenTemporary() {
    for (int status : new int[] {412, 502, 504}) {
      teams.connector.failNext(status, Map.of());
      DeliveryException e = postFails();
      assertThat(e.isPermanent()).as("HTTP %d", status).isFalse();
      assertThat(e.retryAfter()).isEmpty();
    }
  }

  @Test
  void givenConversationGoneOrBotRemoved_thenPermanent() {
    teams.connector.failNext(404, Map.of());
    assertThat(postFails().isPermanent()).isTrue();

    teams.connector.failNext(403, Map.of());
    DeliveryException removed =
        catchThrowableOfType(
            DeliveryException.class,
            () -> teams.messenger.update(TeamsHarness.CHANNEL, "activity-9", board()));
    assertThat(removed.isPermanent()).isTrue();
    assertThat(removed.getMessage()).contains("HTTP 403");
  }

  @Test
  void givenConnectorUnreachable_thenTemporary() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TeamsActivityJson elsewhere = new TeamsActivityJson("http://127.0.0.1:" + closedPort + "/");
    teams.server.post(elsewhere.installedInChannel(TeamsHarness.ORGANIZER));

    DeliveryException e = postFails();

    assertThat(e.isPermanent()).isFalse();
    assertThat(e.getMessage()).startsWith("sendToConversation: ");
  }

  @Test
  void givenAChannelCandorWasNeverAddedTo_thenPermanentWithTheReason() {
    ChannelRef unknown = new ChannelRef(Platform.TEAMS, "19:elsewhere@thread.tacv2");

    DeliveryException e =
        catchThrowableOfType(DeliveryException.class, () -> teams.messenger.post(unknown, board()));

    assertThat(e.isPermanent()).isTrue();
    assertThat(e.getMessage()).contains("has not been added");
  }

  @Test
  void givenSummaryForAModerator_thenAOneToOneChatIsCreatedFromTheTenantsServiceUrl()
      throws Exception {
    teams.core.askEach(session.id(), 1, 3);
    teams.core.candor().sessions().close(session.id());
    teams.core.deliverDue();

    List<Request> created = teams.connector.requests("POST", "/v3/conversations");
    Request create =
        created.stream()
            .filter(r -> r.path().equals("/v3/conversations"))
            .findFirst()
            .orElseThrow();
    assertThat(create.body().path("isGroup").asBoolean()).isFalse();
    assertThat(create.body().path("members").get(0).path("id").asText())
        .isEqualTo(TeamsHarness.MODERATOR.aadObjectId());
    assertThat(create.body().path("tenantId").asText()).isEqualTo(TeamsActivityJson.TENANT);
    assertThat(create.body().path("bot").path("id").asText()).isEqualTo(TeamsActivityJson.BOT_ID);
    String chat = "a:dm-";
    List<Request> summaries =
        teams.connector.requests("POST", "/v3/conversations/" + chat).stream()
            .filter(r -> r.cardText().contains("Summary · Budget Q&\u2060A"))
            .toList();
    assertThat(summaries).isNotEmpty();
  }

  private DeliveryException postFails() {
    return catchThrowableOfType(
        DeliveryException.class, () -> teams.messenger.post(TeamsHarness.CHANNEL, board()));
  }

  private Notice board() {
    return new Notice.Board(teams.core.board(session.id()));
  }
}
