package dev.candor.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.adapters.slack.Payloads;
import dev.candor.adapters.slack.Signer;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.teams.BotTokens;
import dev.candor.adapters.teams.FakeConnector;
import dev.candor.adapters.teams.TeamsActivityJson;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.app.CandorRuntime;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigLoader;
import dev.candor.app.http.HttpServer;
import dev.candor.core.Candor;
import dev.candor.core.question.Question;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.DatabaseDump;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's app-level check: one Candor, configured for Slack and Teams the way the launcher is
 * (configuration from the environment, {@link CandorRuntime} on embedded H2 with Quartz and the
 * outbox worker running, {@link Platforms} mounted on the real {@link HttpServer}), runs a Slack
 * flow and a Teams flow in the same JVM: one session whose audience is a Slack channel and a Teams
 * channel, two people ask on Slack and one on Teams, the three questions are released together, a
 * Slack user and a Teams user upvote, and both channels show the same board.
 *
 * <p>Around it: the Slack Web API ({@link FakeSlackApi}) and the Bot Connector ({@link
 * FakeConnector}, which also publishes the keys that sign the test's Bot Framework tokens) on
 * loopback, and Microsoft Entra ID ({@link FakeEntra}) for the bot's own outbound token.
 */
class BothPlatformsTest {
  private static final Duration DELIVERY = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SLACK_SECRET = "9a1f0c5e7b3d4a2c8e6f1b0d3c5a7e9f";
  private static final String SLACK_ORGANIZER = "U0ORGANIZER";

  /** The channel that Payloads' commands and clicks come from. */
  private static final String SLACK_CHANNEL = "C0BOARD";

  private static final List<String> SLACK_ASKERS = List.of("UPARTICIPANT0001", "UPARTICIPANT0002");
  private static final String SLACK_VOTER = "UPARTICIPANT0003";

  private static final String APP_ID = "00000000-aaaa-bbbb-cccc-000000000005";
  private static final String APP_PASSWORD = "teams-app-password";
  private static final String KEY_ID = "candor-app-test-key";
  private static final String TEAMS_CHANNEL = TeamsActivityJson.CHANNEL;
  private static final User TEAMS_ORGANIZER = TeamsActivityJson.user("organizer");
  private static final User TEAMS_ASKER = TeamsActivityJson.user("participant-teams-1");
  private static final User TEAMS_VOTER = TeamsActivityJson.user("participant-teams-2");

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicInteger triggers = new AtomicInteger();
  private final KeyPair keys = BotTokens.rsa();
  private FakeSlackApi slack;
  private FakeConnector connector;
  private FakeEntra entra;
  private TeamsActivityJson activities;
  private CandorRuntime runtime;
  private HttpServer http;
  private Platforms platforms;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    connector = new FakeConnector();
    connector.publishKeys(BotTokens.jwks((RSAPublicKey) keys.getPublic(), KEY_ID));
    activities = new TeamsActivityJson(connector.serviceUrl());
    entra = FakeEntra.install(dir);

    Map<String, String> env = new HashMap<>();
    env.put("CANDOR_DATA_DIR", dir.resolve("data").toString());
    env.put(
        "CANDOR_ORGANIZERS",
        "slack:" + SLACK_ORGANIZER + ",teams:" + TEAMS_ORGANIZER.aadObjectId());
    env.put("CANDOR_RELEASE_MIN_ASKERS", "3");
    env.put("CANDOR_RELEASE_INTERVAL", "0");
    env.put("CANDOR_ASK_COOLDOWN", "0");
    env.put("CANDOR_BOARD_REFRESH", "1s");
    env.put("CANDOR_RELEASE_TICK", "500ms");
    env.put("SLACK_BOT_TOKEN", "xoxb-test");
    env.put("SLACK_SIGNING_SECRET", SLACK_SECRET);
    env.put("CANDOR_SLACK_API_URL", slack.apiUrl());
    env.put("MICROSOFT_APP_ID", APP_ID);
    env.put("MICROSOFT_APP_PASSWORD", APP_PASSWORD);
    env.put("BOT_OPENID_METADATA", connector.openIdMetadataUrl());
    CandorConfig config = ConfigLoader.load(Optional.empty(), env, dir);

    // The order of CandorApp.Serve.
    runtime = CandorRuntime.open(config, config.toSettings(), Clock.systemUTC());
    http = new HttpServer(runtime.candor());
    platforms = Platforms.from(config, env, runtime.candor());
    platforms.routes(http);
    runtime.start();
    http.start(0);
    platforms.start();
  }

  @AfterEach
  void stop() {
    try {
      closeAll(platforms, http, runtime, connector, slack, entra);
    } finally {
      // The SDK keeps the metadata URL in a static field: put the public cloud's back.
      ChannelValidation.setOpenIdMetaDataUrl(
          AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
    }
  }

  @Test
  void givenASessionInASlackAndATeamsChannel_thenBothBoardsShowTheSamePoolAndTheCombinedTallies()
      throws Exception {
    assertThat(platforms.toString()).isEqualTo("Slack and Microsoft Teams");
    // Slack's token was checked against the fake at start.
    assertThat(slack.calls("auth.test")).hasSize(1);

    // Candor is added to the team: the Teams channel's conversation reference is stored.
    assertThat(teams(activities.installedInChannel(TEAMS_ORGANIZER)).statusCode()).isEqualTo(200);

    // The organizer schedules on Slack, for the Slack channel and the Teams channel.
    HttpResponse<String> scheduled =
        slash(
            SLACK_ORGANIZER,
            "schedule \"Town hall\" in 2h channels slack:"
                + SLACK_CHANNEL
                + " teams:"
                + TEAMS_CHANNEL);
    assertThat(scheduled.statusCode()).isEqualTo(200);
    assertThat(scheduled.body()).contains("Scheduled s1");
    List<ListeningSession> current = candor().sessions().current();
    assertThat(current).as(scheduled.body()).hasSize(1);
    ListeningSession session = current.get(0);
    assertThat(session.audience())
        .extracting(c -> c.platform().id() + ":" + c.channelId())
        .containsExactly("slack:" + SLACK_CHANNEL, "teams:" + TEAMS_CHANNEL);
    String s = session.id().toString();

    // Two people ask on Slack, one on Teams (1:1 chat): k = 3 distinct askers.
    Map<String, String> asked = new LinkedHashMap<>();
    for (int i = 0; i < SLACK_ASKERS.size(); i++) {
      String text = "Slack question " + (i + 1) + ": why the reorganisation?";
      HttpResponse<String> reply = slash(SLACK_ASKERS.get(i), "ask " + s + " " + text);
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body()).contains("Asked anonymously as q");
      asked.put("slack-" + (i + 1), text);
    }
    String teamsText = "Teams question: who decided the budget?";
    assertThat(teams(activities.personal(TEAMS_ASKER, "ask " + s + " " + teamsText)).statusCode())
        .isEqualTo(200);
    asked.put("teams", teamsText);
    await()
        .atMost(DELIVERY)
        .untilAsserted(
            () ->
                assertThat(connector.posted(TEAMS_ASKER.personalChat()))
                    .as("the Teams asker's confirmation, in their 1:1 chat")
                    .anySatisfy(r -> assertThat(r.cardText()).contains("Asked anonymously as q")));

    // Released together; each channel gets the board.
    await()
        .atMost(DELIVERY)
        .untilAsserted(
            () -> {
              assertThat(slackBoard()).isPresent();
              assertThat(teamsBoard()).isPresent();
            });
    List<Question> pool = questions(session);
    assertThat(pool).hasSize(3).allMatch(Question::isReleased);
    Set<String> poolIds = new TreeSet<>(pool.stream().map(q -> q.id().toString()).toList());
    assertThat(slackQuestionIds(slackBoard().orElseThrow())).isEqualTo(poolIds);
    assertThat(teamsQuestionIds(teamsBoard().orElseThrow())).isEqualTo(poolIds);
    for (String text : asked.values()) {
      assertThat(slackBoard().orElseThrow()).contains(text);
      assertThat(teamsBoard().orElseThrow()).contains(text);
    }

    // A Slack user upvotes the Teams question, a Teams user upvotes it and a Slack question.
    String teamsQuestion = idOf(pool, teamsText);
    String slackQuestion = idOf(pool, asked.get("slack-1"));
    HttpResponse<String> slackVote =
        interaction(
            Payloads.messageAction(
                SLACK_VOTER,
                trigger(),
                slack.responseUrl(),
                Payloads.button(Ids.Board.UPVOTE, teamsQuestion)));
    assertThat(slackVote.statusCode()).isEqualTo(200);
    await()
        .atMost(DELIVERY)
        .untilAsserted(
            () ->
                assertThat(slack.calls("response_url"))
                    .as("the Slack voter's private acknowledgement")
                    .anySatisfy(c -> assertThat(c.body()).contains("Voted for " + teamsQuestion)));
    for (String q : List.of(teamsQuestion, slackQuestion)) {
      HttpResponse<String> teamsVote =
          teams(
              activities.invoke("task/fetch", TEAMS_VOTER, true, upvoteData(teamsBoardCard(), q)));
      assertThat(teamsVote.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(teamsVote.body()).path("task").path("value").asText())
          .startsWith("Voted for " + q);
    }

    // Both boards, edited in place, show the combined tallies: 2 + 1 + 0.
    String third =
        poolIds.stream()
            .filter(id -> !Set.of(teamsQuestion, slackQuestion).contains(id))
            .findFirst()
            .orElseThrow();
    await()
        .atMost(DELIVERY)
        .untilAsserted(
            () -> {
              assertThat(slackBoard().orElseThrow())
                  .contains("*2 votes* · `" + teamsQuestion + "`")
                  .contains("*1 vote* · `" + slackQuestion + "`")
                  .contains("*0 votes* · `" + third + "`");
              assertThat(teamsBoard().orElseThrow())
                  .contains("Rank 1 · 2 votes · " + teamsQuestion)
                  .contains("Rank 2 · 1 vote · " + slackQuestion)
                  .contains("Rank 3 · 0 votes · " + third);
            });
    assertThat(slack.calls("chat.postMessage"))
        .filteredOn(c -> SLACK_CHANNEL.equals(c.param("channel")))
        .as("the Slack board is edited, not posted again")
        .hasSize(1);
    assertThat(slack.calls("chat.update")).isNotEmpty();
    assertThat(boardPosts()).as("the Teams board is edited, not posted again").hasSize(1);
    assertThat(connector.updated(TEAMS_CHANNEL)).isNotEmpty();

    // The bot's replies to the Bot Connector carry the token Entra issued to its app id.
    assertThat(entra.tokenRequests()).isNotEmpty();
    assertThat(entra.tokenRequests().get(0).form())
        .containsEntry("client_id", APP_ID)
        .containsEntry("grant_type", "client_credentials");
    assertThat(connector.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Bearer entra-token-"));

    // Refused at the door, through the app's server: nothing more is stored.
    String body = Payloads.form(slashFields(SLACK_ASKERS.get(0), "ask " + s + " Forged?"));
    long now = Instant.now().getEpochSecond();
    assertThat(postSlack(body, now, Signer.sign("not-the-signing-secret", now, body)).statusCode())
        .isEqualTo(401);
    assertThat(
            post(
                    TeamsPlatform.MESSAGES_PATH,
                    "application/json",
                    activities.personal(TEAMS_VOTER, "ask " + s + " Unsigned?"),
                    Map.of())
                .statusCode())
        .isEqualTo(401);
    assertThat(questions(session)).hasSize(3);

    // Health and metrics; no participant's id in the metrics or the database.
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("candor_outbox_pending");
    List<String> participantIds = participantIds();
    assertThat(metrics.body()).doesNotContain(participantIds);
    assertThat(dumpDatabase()).noneMatch(row -> participantIds.stream().anyMatch(row::contains));
  }

  // ---- the two boards as the fakes received them ----

  /** The latest blocks of the Slack board in the Slack channel (posted, then edited). */
  private Optional<String> slackBoard() {
    List<FakeSlackApi.Call> sent = new ArrayList<>();
    for (FakeSlackApi.Call c : slack.calls()) {
      if ((c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
          && SLACK_CHANNEL.equals(c.param("channel"))
          && c.param("blocks") != null
          && c.param("blocks").contains(Ids.Board.UPVOTE)) {
        sent.add(c);
      }
    }
    return sent.isEmpty()
        ? Optional.empty()
        : Optional.of(sent.get(sent.size() - 1).json("blocks").toString());
  }

  private static Set<String> slackQuestionIds(String blocks) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode block : JSON.readTree(blocks)) {
      if (block.path("block_id").asText().startsWith("qa_")) {
        ids.add(block.get("elements").get(0).get("value").asText());
      }
    }
    return ids;
  }

  /** The Teams board's first post to the channel (not a thread reply). */
  private List<FakeConnector.Request> boardPosts() {
    return connector.posted(TEAMS_CHANNEL).stream()
        .filter(r -> r.path().equals("/v3/conversations/" + TEAMS_CHANNEL + "/activities"))
        .filter(r -> r.cardText().contains("Questions · "))
        .toList();
  }

  /** The latest card of the Teams board in the Teams channel (posted, then edited). */
  private Optional<String> teamsBoard() {
    List<FakeConnector.Request> sent = new ArrayList<>(boardPosts());
    connector.updated(TEAMS_CHANNEL).stream()
        .filter(r -> r.cardText().contains("Questions · "))
        .forEach(sent::add);
    return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1).cardText());
  }

  private JsonNode teamsBoardCard() throws IOException {
    return JSON.readTree(teamsBoard().orElseThrow());
  }

  private static Set<String> teamsQuestionIds(String card) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode data : JSON.readTree(card).findValues("data")) {
      if (data.path("action").asText().equals("vote")) {
        ids.add(data.path("question").asText());
      }
    }
    return ids;
  }

  /** What the card's Upvote button for {@code question} sends, as Teams would send it. */
  private static JsonNode upvoteData(JsonNode card, String question) {
    for (JsonNode data : card.findValues("data")) {
      if (data.path("action").asText().equals("vote")
          && data.path("question").asText().equals(question)) {
        return data;
      }
    }
    throw new AssertionError("no upvote button for " + question + " on " + card);
  }

  // ---- requests to the app's server ----

  /** {@code /candor <text>} typed by {@code user} in the Slack channel, signed. */
  private HttpResponse<String> slash(String user, String text) {
    String body = Payloads.form(slashFields(user, text));
    long now = Instant.now().getEpochSecond();
    return postSlack(body, now, Signer.sign(SLACK_SECRET, now, body));
  }

  private Map<String, String> slashFields(String user, String text) {
    return Payloads.slashCommand(user, text, trigger(), slack.responseUrl());
  }

  private HttpResponse<String> interaction(Map<String, Object> payload) throws IOException {
    String body = Payloads.form(Map.of("payload", JSON.writeValueAsString(payload)));
    long now = Instant.now().getEpochSecond();
    return postSlack(body, now, Signer.sign(SLACK_SECRET, now, body));
  }

  private HttpResponse<String> postSlack(String body, long timestamp, String signature) {
    return post(
        SlackPlatform.EVENTS_PATH,
        "application/x-www-form-urlencoded",
        body,
        Map.of(
            "X-Slack-Request-Timestamp", Long.toString(timestamp), "X-Slack-Signature", signature));
  }

  /** An activity with a Bot Framework token for Candor's app id and the connector's URL. */
  private HttpResponse<String> teams(String activity) {
    return post(
        TeamsPlatform.MESSAGES_PATH,
        "application/json",
        activity,
        Map.of("Authorization", "Bearer " + token()));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(
      String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::header);
    try {
      return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  private String trigger() {
    return "trigger-" + triggers.incrementAndGet();
  }

  // ---- Bot Framework tokens, signed with the keys the fake connector publishes ----

  private String token() {
    return BotTokens.token(keys, KEY_ID, APP_ID, connector.serviceUrl());
  }

  // ---- the core and its database ----

  private Candor candor() {
    return runtime.candor();
  }

  private List<Question> questions(ListeningSession session) {
    return candor().storage().inTransaction(tx -> tx.questions().bySession(session.id()));
  }

  private static String idOf(List<Question> pool, String text) {
    return pool.stream()
        .filter(q -> q.text().equals(text))
        .map(q -> q.id().toString())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no question '" + text + "' in " + pool));
  }

  /**
   * Every participant's user id (and Teams 1:1 chat id) used here: askers and voters, both
   * platforms.
   */
  private static List<String> participantIds() {
    List<String> ids = new ArrayList<>(SLACK_ASKERS);
    ids.add(SLACK_VOTER);
    for (User u : List.of(TEAMS_ASKER, TEAMS_VOTER)) {
      ids.add(u.teamsId());
      ids.add(u.aadObjectId());
      ids.add(u.personalChat());
    }
    return ids;
  }

  /** Every row of every table of the app's database, as text. */
  private List<String> dumpDatabase() throws Exception {
    try (Connection c = runtime.database().dataSource().getConnection()) {
      return DatabaseDump.rows(c, DatabaseDump.tables(c, "PUBLIC"));
    }
  }

  private static void closeAll(AutoCloseable... resources) {
    RuntimeException failure = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
