package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.QuestionText;
import dev.candor.core.security.StackTraces;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile requests at the Slack endpoint, generated (see {@link HostileSlack}), against the real
 * adapter and Bolt app on one core per property: whatever arrives, Slack never gets a 5xx, nobody
 * is shown a stack trace or an apology for an unexpected failure (neither in the answer nor in any
 * message the adapter sends afterwards), a request that is not signed is refused before anything
 * happens, and a request that was refused, or answered only with errors, stores nothing. A question
 * that is stored is stored clean.
 */
class SlackPayloadPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/slack/events";
  private static final Duration BACKGROUND = Duration.ofSeconds(10);

  /** Tables a Slack request could write, then every question's status, as one string. */
  private static final String STATE =
      "SELECT (SELECT COUNT(*) FROM sessions) || '/' || (SELECT COUNT(*) FROM session_channels)"
          + " || '/' || (SELECT COUNT(*) FROM session_moderators) || '/' || (SELECT COUNT(*) FROM"
          + " session_keys) || '/' || (SELECT COUNT(*) FROM questions) || '/' || (SELECT COUNT(*)"
          + " FROM votes) || '/' || (SELECT COUNT(*) FROM outbox) || '/' || (SELECT COUNT(*) FROM"
          + " followups) || '/' || (SELECT COUNT(*) FROM escalations) || '/' || (SELECT COUNT(*)"
          + " FROM series) || '/' || (SELECT COUNT(*) FROM session_policies) || '/' || (SELECT"
          + " COALESCE(LISTAGG(id || status || approved || COALESCE(merged_into, ''), ',')"
          + " WITHIN GROUP (ORDER BY id), '') FROM questions) || '/' || (SELECT"
          + " COALESCE(LISTAGG(id || state, ',') WITHIN GROUP (ORDER BY id), '') FROM sessions)";

  private IdlePool pool;
  private SlackRig rig;

  /** The state as of the last exchange: nothing changes it between exchanges. */
  private String state = "";

  private List<String> sessions = List.of();
  private List<String> questions = List.of();

  @BeforeProperty
  void startTheRig() throws IOException {
    pool = new IdlePool(4);
    rig = SlackRig.startWithBackground(b -> b, pool);
    ListeningSession open = rig.core.scheduleSession();
    rig.core.askEach(open.id(), 1, 6);
    NewSession plain =
        rig.core.sessionRequest("Held", List.of(new UserRef(Platform.SLACK, SlackRig.MODERATOR)));
    ListeningSession held =
        rig.core.scheduleSession(
            new NewSession(
                plain.title(),
                plain.startsAt(),
                plain.endsAt(),
                plain.zone(),
                plain.audience(),
                plain.moderators(),
                plain.settings().withPremoderation(true)));
    rig.core.askEach(held.id(), 7, 9);
    settle();
  }

  @AfterProperty
  void stopTheRig() {
    if (rig != null) {
      rig.close();
    }
  }

  @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
  void givenSignedHostileRequests_thenNo5xxNoStackTraceAndRefusalsStoreNothing(
      @ForAll("signed") HostileSlack.Request request,
      @ForAll @IntRange(min = 0, max = 100_000) int pick)
      throws Exception {
    Exchange x = send(request, pick);

    assertThat(x.status).as("status for %s", request).isLessThan(500);
    assertNothingLeaks(x);
    if (refused(x)) {
      assertThat(x.after).as("state after a refused %s", request).isEqualTo(x.before);
    }
    assertNewQuestionsAreClean(x);
    // Not vacuous: most requests are read and answered, and some get through to the store.
    Statistics.label("status").collect(x.status / 100 + "xx");
    Statistics.label("stored something").collect(!x.after.equals(x.before));
    Statistics.label("stored something").coverage(c -> c.check(true).percentage(p -> p >= 1.0));
    Statistics.label("status").coverage(c -> c.check("2xx").percentage(p -> p >= 40.0));
  }

  @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
  void givenForgedOrUnsignedRequests_then401AndNothingHappens(
      @ForAll("forged") HostileSlack.Request request,
      @ForAll @IntRange(min = 0, max = 100_000) int pick)
      throws Exception {
    Exchange x = send(request, pick);

    assertThat(x.status).as("status for %s", request).isEqualTo(401);
    assertThat(x.body).isEqualTo("{\"error\":\"invalid request\"}");
    assertThat(x.calls).as("Slack calls after %s", request).isEmpty();
    assertThat(x.after).isEqualTo(x.before);
  }

  /** The same over real HTTP, as the launcher mounts the handler: fewer tries, same promises. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void givenHostileRequestsOverHttp_thenNo5xxNoStackTraceAndRefusalsStoreNothing(
      @ForAll("overHttp") HostileSlack.Request request,
      @ForAll @IntRange(min = 0, max = 100_000) int pick)
      throws Exception {
    Exchange x = post(request, pick);

    assertThat(x.status).as("status for %s", request).isLessThan(500);
    if (request.signing() != HostileSlack.Signing.VALID) {
      assertThat(x.status).isEqualTo(401);
    }
    assertNothingLeaks(x);
    if (refused(x)) {
      assertThat(x.after).as("state after a refused %s", request).isEqualTo(x.before);
    }
  }

  @Provide
  Arbitrary<HostileSlack.Request> signed() {
    return HostileSlack.signed();
  }

  @Provide
  Arbitrary<HostileSlack.Request> forged() {
    return HostileSlack.forged();
  }

  @Provide
  Arbitrary<HostileSlack.Request> overHttp() {
    return Arbitraries.oneOf(HostileSlack.signed(), HostileSlack.forged());
  }

  // ---- one exchange ----

  /** What was sent and what came of it. */
  private record Exchange(
      String input,
      int status,
      String body,
      List<FakeSlackApi.Call> calls,
      String before,
      String after) {}

  private Exchange send(HostileSlack.Request request, int pick) throws InterruptedException {
    String body = fill(request.body(), pick);
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Content-Type", List.of(request.contentType()));
    sign(request.signing(), body).forEach((k, v) -> headers.put(k, List.of(v)));
    String before = state;
    rig.slack.reset();

    SlackHttpHandler.Response r =
        rig.adapter.httpHandler().handle("POST", PATH, null, headers, body);

    pool.awaitIdle(BACKGROUND);
    return new Exchange(body, r.status(), r.body(), rig.slack.calls(), before, settle());
  }

  private Exchange post(HostileSlack.Request request, int pick) throws InterruptedException {
    // What travels is UTF-8: a lone surrogate arrives as '?', so sign what arrives.
    String body =
        new String(
            fill(request.body(), pick).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    Map<String, String> signature = sign(request.signing(), body);
    String before = state;
    rig.slack.reset();

    HttpResponse<String> r =
        rig.postSigned(
            body,
            request.contentType().isEmpty() ? "text/plain" : request.contentType(),
            signature,
            null,
            null);

    pool.awaitIdle(BACKGROUND);
    return new Exchange(body, r.statusCode(), r.body(), rig.slack.calls(), before, settle());
  }

  /** The timestamp and signature headers of a request signed the given way. */
  private static Map<String, String> sign(HostileSlack.Signing signing, String body) {
    long now = Instant.now().getEpochSecond();
    Map<String, String> h = new HashMap<>();
    switch (signing) {
      case VALID -> stamp(h, now, Signer.sign(SlackRig.SECRET, now, body));
      case NONE -> {}
      case NO_TIMESTAMP -> h.put("X-Slack-Signature", Signer.sign(SlackRig.SECRET, now, body));
      case NO_SIGNATURE -> h.put("X-Slack-Request-Timestamp", Long.toString(now));
      case WRONG_SECRET -> stamp(h, now, Signer.sign("not-" + SlackRig.SECRET, now, body));
      // Well past the five-minute window, so that a second ticking over cannot bring it back in.
      case STALE -> stamp(h, now - 400, Signer.sign(SlackRig.SECRET, now - 400, body));
      case FUTURE -> stamp(h, now + 400, Signer.sign(SlackRig.SECRET, now + 400, body));
      case OTHER_BODY -> stamp(h, now, Signer.sign(SlackRig.SECRET, now, body + "&x=1"));
      case GARBAGE -> {
        h.put("X-Slack-Request-Timestamp", "1e9");
        h.put("X-Slack-Signature", "v0=" + "0".repeat(64));
      }
    }
    return h;
  }

  private static void stamp(Map<String, String> h, long timestamp, String signature) {
    h.put("X-Slack-Request-Timestamp", Long.toString(timestamp));
    h.put("X-Slack-Signature", signature);
  }

  // ---- what the person was told ----

  /**
   * Whether the request was refused: an HTTP status other than 2xx, or answers (the reply, private
   * messages, the App Home's notice) that are all errors, which Candor marks with ✗. A modal
   * replaced after its submission is a success. A request answered with nothing at all (a plain
   * acknowledgement, work whose private answer could not be delivered) is not judged.
   */
  private static boolean refused(Exchange x) {
    if (x.status >= 300) {
      return true;
    }
    List<String> answers = new ArrayList<>();
    JsonNode reply = json(x.body);
    if (reply != null) {
      if (reply.path("response_action").asText().equals("update")) {
        return false;
      }
      if (reply.path("response_action").asText().equals("errors")) {
        answers.add("✗");
      }
      answers.add(reply.path("text").asText(""));
    }
    for (FakeSlackApi.Call call : x.calls) {
      switch (call.method()) {
        case "response_url" -> {
          JsonNode sent = json(call.param("json"));
          answers.add(sent == null ? "" : sent.path("text").asText(""));
        }
        case "chat.postMessage", "chat.postEphemeral" ->
            answers.add(nullToEmpty(call.param("text")));
        case "views.publish" -> {
          // The App Home's notice, when there is one, is its first block.
          JsonNode view = json(call.param("view"));
          JsonNode first = view == null ? null : view.path("blocks").path(0);
          if (first != null && first.path("type").asText().equals("context")) {
            answers.add(first.path("elements").path(0).path("text").asText(""));
          }
        }
        default -> {}
      }
    }
    List<String> given = answers.stream().filter(a -> !a.isBlank()).toList();
    return !given.isEmpty() && given.stream().allMatch(a -> a.startsWith("✗"));
  }

  private void assertNothingLeaks(Exchange x) {
    List<String> shown = new ArrayList<>();
    shown.add(x.body);
    for (FakeSlackApi.Call call : x.calls) {
      shown.add(String.join("\n", call.params().values()));
    }
    for (String s : shown) {
      assertThat(StackTraces.find(s, x.input)).as("a stack trace in: %s", s).isEmpty();
      assertThat(s)
          .as("an apology for an unexpected failure")
          .doesNotContain("Something went wrong");
    }
  }

  private void assertNewQuestionsAreClean(Exchange x) {
    if (x.after.equals(x.before)) {
      return;
    }
    for (List<String> row : rig.core.query("SELECT text FROM questions")) {
      String text = row.get(0);
      assertThat(QuestionText.clean(text)).as("a stored question is clean").isEqualTo(text);
    }
  }

  // ---- ids and state ----

  /** Fills in the placeholders, as they are and URL-encoded (forms carry them encoded). */
  private String fill(String body, int pick) {
    String session = sessions.get(pick % sessions.size());
    String code = questions.isEmpty() ? "2345" : questions.get((pick / 7) % questions.size());
    String[][] values = {
      {"{s}", "s" + session},
      {"{q}", "q" + code},
      {"{c}", code},
      {"{trigger}", "trigger-" + System.nanoTime()},
      {"{response_url}", rig.slack.responseUrl()},
    };
    String out = body;
    for (String[] v : values) {
      out =
          out.replace(v[0], v[1])
              .replace(
                  URLEncoder.encode(v[0], StandardCharsets.UTF_8),
                  URLEncoder.encode(v[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Reads the state after an exchange, and the ids to fill in if it changed. */
  private String settle() {
    String now = rig.core.query(STATE).get(0).get(0);
    if (!now.equals(state)) {
      state = now;
      sessions = column("SELECT id FROM sessions ORDER BY id");
      questions = column("SELECT id FROM questions ORDER BY id");
    }
    return now;
  }

  private List<String> column(String sql) {
    return rig.core.query(sql).stream().map(r -> r.get(0)).toList();
  }

  private static JsonNode json(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
