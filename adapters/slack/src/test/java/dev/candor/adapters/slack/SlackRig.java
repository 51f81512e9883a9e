package dev.candor.adapters.slack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.testing.TestCandor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Everything an end-to-end Slack test needs, set up once: a {@link TestCandor} whose sessions run
 * in a Slack channel, the fake Web API, the real {@link SlackAdapter} pointed at it (its messenger
 * registered with the core), and the adapter's HTTP handler served at {@code POST /slack/events} on
 * loopback by the JDK's HTTP server. Requests are signed like Slack signs them.
 */
final class SlackRig implements AutoCloseable {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String TEAM = FakeSlackApi.TEAM;
  static final String CHANNEL = "C0BOARD";
  static final String ORGANIZER = "U0ORGANIZER";
  static final String MODERATOR = "U0MODERATOR";
  static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, CHANNEL);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

  final FakeSlackApi slack;
  final TestCandor core;
  final SlackAdapter adapter;
  private final HttpServer events;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger triggers = new AtomicInteger();
  private final AtomicInteger eventIds = new AtomicInteger();

  private SlackRig(
      UnaryOperator<TestCandor.Builder> tweak, Duration commandBudget, ExecutorService background)
      throws IOException {
    slack = new FakeSlackApi();
    core =
        tweak
            .apply(
                TestCandor.create()
                    .withOrganizers("console:organizer, slack:" + ORGANIZER)
                    .withModerators(new UserRef(Platform.SLACK, MODERATOR))
                    .withChannels(SLACK_CHANNEL)
                    .withBoardRefreshInterval(Duration.ZERO))
            .build();
    SlackSettings settings =
        SlackSettings.http("xoxb-test-token", SECRET)
            .withApiUrl(slack.apiUrl())
            .withChannelPace(Duration.ZERO);
    adapter =
        background == null
            ? new SlackAdapter(settings, core.candor(), Clock.systemUTC(), commandBudget)
            : new SlackAdapter(
                settings, core.candor(), Clock.systemUTC(), commandBudget, background);
    core.candor().register(adapter.messenger());
    events = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    events.createContext("/slack/events", this::serve);
    events.start();
  }

  static SlackRig start() throws IOException {
    return start(UnaryOperator.identity());
  }

  static SlackRig start(UnaryOperator<TestCandor.Builder> tweak) throws IOException {
    return new SlackRig(tweak, SlackAdapter.COMMAND_BUDGET, null);
  }

  /** A rig whose adapter runs its after-acknowledgement work on {@code background}. */
  static SlackRig startWithBackground(
      UnaryOperator<TestCandor.Builder> tweak, ExecutorService background) throws IOException {
    return new SlackRig(tweak, SlackAdapter.COMMAND_BUDGET, background);
  }

  /** A rig whose slash command answers late unless done within {@code budget}. */
  static SlackRig startWithCommandBudget(Duration budget) throws IOException {
    return new SlackRig(UnaryOperator.identity(), budget, null);
  }

  /** A participant's Slack user id; distinctive, so a search of the logs finds any leak. */
  static String participant(int n) {
    return String.format("UPARTICIPANT%04d", n);
  }

  // ---- requests, as Slack sends them ----

  /** {@code /candor <text>} typed by {@code user} in the board's channel. */
  HttpResponse<String> slash(String user, String text) {
    return slash(user, text, trigger());
  }

  HttpResponse<String> slash(String user, String text, String triggerId) {
    return post(slashBody(user, text, triggerId), "application/x-www-form-urlencoded", Map.of());
  }

  /** A slash command's body, for tests that sign it themselves. */
  String slashBody(String user, String text, String triggerId) {
    return Payloads.form(Payloads.slashCommand(user, text, triggerId, slack.responseUrl()));
  }

  /** A click on a button of a message in the board's channel. */
  HttpResponse<String> button(String user, String actionId, String value) {
    return interaction(
        Payloads.messageAction(
            user, trigger(), slack.responseUrl(), Payloads.button(actionId, value)));
  }

  /** A choice in an overflow menu of a message in the board's channel. */
  HttpResponse<String> overflow(String user, String actionId, String optionValue) {
    return interaction(
        Payloads.messageAction(
            user, trigger(), slack.responseUrl(), Payloads.overflow(actionId, optionValue)));
  }

  /** A global shortcut chosen by {@code user}. */
  HttpResponse<String> shortcut(String user, String callbackId) {
    return interaction(Payloads.shortcut(user, trigger(), callbackId));
  }

  /** A click on a button of the App Home (no channel, no response_url). */
  HttpResponse<String> homeButton(String user, String actionId, String value) {
    return interaction(Payloads.homeAction(user, trigger(), Payloads.button(actionId, value)));
  }

  /** A modal submitted by {@code user}: its callback id, metadata and input values. */
  HttpResponse<String> submit(String user, String callbackId, String metadata, ViewInput values) {
    return interaction(Payloads.viewSubmission(user, trigger(), callbackId, metadata, values));
  }

  /** An {@code app_home_opened} event; {@code retryNum} > 0 marks it as Slack's redelivery. */
  HttpResponse<String> homeOpened(String user, String eventId, int retryNum) {
    Map<String, String> headers =
        retryNum > 0
            ? Map.of(
                "X-Slack-Retry-Num",
                Integer.toString(retryNum),
                "X-Slack-Retry-Reason",
                "http_timeout")
            : Map.of();
    return post(json(Payloads.homeOpened(user, eventId)), "application/json", headers);
  }

  // ---- what the person who acted sees ----

  /**
   * The private answer to {@code /candor <text>}: the acknowledgement's text, or, when the command
   * ran past its budget, the text that came later through the response_url.
   */
  String slashAnswer(String user, String text) {
    int before = slack.calls("response_url").size();
    JsonNode ack = SlackJson.read(slash(user, text).body());
    if (!ack.path("response_type").asText().equals("ephemeral")) {
      throw new AssertionError("a slash command was answered for others to see: " + ack);
    }
    String now = ack.path("text").asText();
    if (!now.startsWith("⏳")) {
      return now;
    }
    await().atMost(ANSWER_WAIT).until(() -> slack.calls("response_url").size() > before);
    return shown(slack.calls("response_url").get(before));
  }

  /**
   * Does {@code action} and returns the first call among {@code methods} that followed: the way an
   * answer reached the person (a response_url, a modal, a direct message, the App Home).
   */
  FakeSlackApi.Call nextCall(Runnable action, String... methods) {
    Set<String> wanted = Set.of(methods);
    int before = slack.calls().size();
    action.run();
    Callable<Optional<FakeSlackApi.Call>> next =
        () ->
            slack.calls().stream()
                .skip(before)
                .filter(c -> wanted.contains(c.method()))
                .findFirst();
    return await().atMost(ANSWER_WAIT).until(next, Optional::isPresent).orElseThrow();
  }

  /** The text a call shows its reader: a message's text, or what a view opens with. */
  static String shown(FakeSlackApi.Call call) {
    return switch (call.method()) {
      case "response_url" -> call.json("json").path("text").asText();
      case "views.open", "views.push", "views.update", "views.publish" ->
          opening(call.json("view"));
      default -> call.param("text");
    };
  }

  /** What a submitted modal shows: the error beside {@code block}, or the view it became. */
  static String shown(HttpResponse<String> submission, String block) {
    JsonNode body = SlackJson.read(submission.body());
    return body.path("response_action").asText().equals("errors")
        ? body.path("errors").path(block).asText()
        : opening(body.path("view"));
  }

  /**
   * A view's first text (a section's, or a context's), else its title: a form opens with inputs.
   */
  private static String opening(JsonNode view) {
    JsonNode first = view.path("blocks").path(0);
    String text =
        first.has("text")
            ? first.path("text").path("text").asText()
            : first.path("elements").path(0).path("text").asText("");
    return text.isEmpty() ? view.path("title").path("text").asText() : text;
  }

  String nextEventId() {
    return "Ev0" + eventIds.incrementAndGet();
  }

  String trigger() {
    return "trigger-" + triggers.incrementAndGet();
  }

  /** Posts a body signed now. */
  HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
    long now = Instant.now().getEpochSecond();
    return postSigned(body, contentType, headers, now, Signer.sign(SECRET, now, body));
  }

  /** Posts a body with the given timestamp and signature headers (null leaves one out). */
  HttpResponse<String> postSigned(
      String body,
      String contentType,
      Map<String, String> headers,
      Long timestamp,
      String signature) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(eventsUrl()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      req.header("X-Slack-Request-Timestamp", Long.toString(timestamp));
    }
    if (signature != null) {
      req.header("X-Slack-Signature", signature);
    }
    headers.forEach(req::header);
    try {
      return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("POST /slack/events failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String eventsUrl() {
    return "http://127.0.0.1:" + events.getAddress().getPort() + "/slack/events";
  }

  @Override
  public void close() {
    events.stop(0);
    adapter.close();
    core.close();
    slack.close();
  }

  // ---- helpers ----

  private HttpResponse<String> interaction(Map<String, Object> payload) {
    return post(
        Payloads.form(Map.of("payload", json(payload))),
        "application/x-www-form-urlencoded",
        Map.of());
  }

  private void serve(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    SlackHttpHandler.Response r =
        adapter
            .httpHandler()
            .handle(
                ex.getRequestMethod(),
                ex.getRequestURI().getPath(),
                ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders(),
                body);
    r.headers().forEach((k, v) -> v.forEach(value -> ex.getResponseHeaders().add(k, value)));
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
