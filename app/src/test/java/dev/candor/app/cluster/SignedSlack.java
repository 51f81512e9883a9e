package dev.candor.app.cluster;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.adapters.slack.Payloads;
import dev.candor.adapters.slack.Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** What Slack sends to a Candor node: slash commands, signed with the app's signing secret. */
final class SignedSlack {
  static final String SECRET = "5b1d7c9e3a2f4e6d8c0b1a3f5e7d9c2b";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final FakeSlackApi slack;
  private final AtomicInteger triggers = new AtomicInteger();

  SignedSlack(FakeSlackApi slack) {
    this.slack = slack;
  }

  /** The display name Slack sends along with {@code user}'s id. */
  static String nameOf(String user) {
    return "Display Name of " + user;
  }

  /** {@code /candor <text>} typed by {@code user} in {@code channel}, posted to the node. */
  HttpResponse<String> slash(CandorProcess node, String user, String text)
      throws IOException, InterruptedException {
    Map<String, String> fields =
        new LinkedHashMap<>(
            Payloads.slashCommand(
                user, text, "trigger-" + triggers.incrementAndGet(), slack.responseUrl()));
    fields.put("user_name", nameOf(user));
    String body = Payloads.form(fields);
    long now = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/slack/events"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(now))
            .header("X-Slack-Signature", Signer.sign(SECRET, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
