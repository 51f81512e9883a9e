package dev.candor.app.platform;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.adapters.slack.Payloads;
import dev.candor.adapters.slack.Signer;
import dev.candor.adapters.teams.BotTokens;
import dev.candor.adapters.teams.FakeConnector;
import dev.candor.adapters.teams.TeamsActivityJson;
import dev.candor.app.Serving;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigLoader;
import dev.candor.core.Candor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app as {@code serve} runs it ({@link Serving}, configured from an environment map), with
 * Slack in HTTP mode and Teams, against loopback fakes of the Slack Web API, the Bot Connector and
 * Microsoft Entra ID; and requests to it as the platforms would send them.
 */
public final class ServeRig implements AutoCloseable {
  public static final String ORGANIZER = "U0ORGANIZER";
  public static final String APP_ID = "00000000-aaaa-bbbb-cccc-000000000007";
  private static final String KEY_ID = "candor-serve-rig-key";

  private final Map<String, String> env;
  private final FakeSlackApi slack;
  private final FakeConnector connector;
  private final FakeEntra entra;
  private final TeamsActivityJson activities;
  private final KeyPair keys = BotTokens.rsa();
  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicInteger triggers = new AtomicInteger();
  private Serving serving;

  private ServeRig(Path dir, Map<String, String> overrides) throws Exception {
    Files.createDirectories(dir);
    slack = new FakeSlackApi();
    connector = new FakeConnector();
    connector.publishKeys(BotTokens.jwks((RSAPublicKey) keys.getPublic(), KEY_ID));
    activities = new TeamsActivityJson(connector.serviceUrl());
    entra = FakeEntra.install(dir);
    env = new HashMap<>();
    env.put("CANDOR_DATA_DIR", dir.resolve("data").toString());
    env.put("CANDOR_HTTP_PORT", Integer.toString(freePort()));
    env.put("CANDOR_ORGANIZERS", "slack:" + ORGANIZER);
    env.put("CANDOR_RELEASE_MIN_ASKERS", "3");
    env.put("CANDOR_RELEASE_INTERVAL", "0");
    env.put("CANDOR_ASK_COOLDOWN", "0");
    env.put("CANDOR_BOARD_REFRESH", "1s");
    env.put("CANDOR_RELEASE_TICK", "500ms");
    env.put("SLACK_BOT_TOKEN", "xoxb-serve-rig");
    env.put("SLACK_SIGNING_SECRET", "serve-rig-signing-secret");
    env.put("CANDOR_SLACK_API_URL", slack.apiUrl());
    env.put("MICROSOFT_APP_ID", APP_ID);
    env.put("MICROSOFT_APP_PASSWORD", "serve-rig-app-password");
    env.put("BOT_OPENID_METADATA", connector.openIdMetadataUrl());
    env.putAll(overrides);
  }

  /**
   * The fakes, and an environment for the app in {@code dir}; {@code overrides} replace or add
   * variables. Call {@link #serve()} to start the app.
   */
  public static ServeRig create(Path dir, Map<String, String> overrides) throws Exception {
    return new ServeRig(dir, overrides);
  }

  /** The configuration {@code serve} would load from this environment. */
  public CandorConfig config() {
    return ConfigLoader.load(Optional.empty(), env, Path.of("."));
  }

  /** Starts the app as {@code serve} does. */
  public ServeRig serve() throws Exception {
    serving = Serving.start(config(), env, Clock.systemUTC());
    return this;
  }

  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  public Serving serving() {
    return serving;
  }

  public Candor candor() {
    return serving.candor();
  }

  public FakeSlackApi slack() {
    return slack;
  }

  public FakeConnector connector() {
    return connector;
  }

  public TeamsActivityJson activities() {
    return activities;
  }

  /** {@code /candor <text>} typed by {@code user}, signed with the configured signing secret. */
  public HttpResponse<String> slash(String user, String text) {
    return slackForm(slashFields(user, text));
  }

  /** The form fields of {@code /candor <text>}, as Slack posts them. */
  public Map<String, String> slashFields(String user, String text) {
    return Payloads.slashCommand(
        user, text, "trigger-" + triggers.incrementAndGet(), responseUrl());
  }

  public String responseUrl() {
    return slack.responseUrl();
  }

  /** Posts {@code fields} to the Slack route, form-encoded and correctly signed. */
  public HttpResponse<String> slackForm(Map<String, String> fields) {
    String body = Payloads.form(fields);
    return postSlack(body, Signer.sign(env.get("SLACK_SIGNING_SECRET"), now(), body));
  }

  /** Posts {@code body} to the Slack route with {@code signature}, stamped now. */
  public HttpResponse<String> postSlack(String body, String signature) {
    return post(
        SlackPlatform.EVENTS_PATH,
        "application/x-www-form-urlencoded",
        body,
        Map.of("X-Slack-Request-Timestamp", Long.toString(now()), "X-Slack-Signature", signature));
  }

  /** Posts an activity to the Teams route with a valid Bot Framework token. */
  public HttpResponse<String> teams(String activity) {
    return post(
        TeamsPlatform.MESSAGES_PATH,
        "application/json",
        activity,
        Map.of(
            "Authorization",
            "Bearer " + BotTokens.token(keys, KEY_ID, APP_ID, connector.serviceUrl())));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(15)).GET());
  }

  public HttpResponse<String> post(
      String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::header);
    return send(req);
  }

  public int port() {
    return serving.port();
  }

  @Override
  public void close() {
    try {
      if (serving != null) {
        serving.close();
      }
    } finally {
      entra.close();
      connector.close();
      slack.close();
      // The SDK keeps the metadata URL in a static field: put the public cloud's back.
      ChannelValidation.setOpenIdMetaDataUrl(
          AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder req) {
    try {
      return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request to the app failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + serving.port() + path);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
