package dev.candor.app.present;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.app.http.HttpServer;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.testing.TestCandor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The presenter routes over real HTTP on loopback: what they serve and how it is protected. */
class PresenterRoutesTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private TestCandor t;
  private HttpServer server;
  private ListeningSession session;
  private List<QuestionId> ids;
  private String path;

  @BeforeEach
  void start() {
    t = TestCandor.withDefaults();
    server = new HttpServer(t.candor()).routes(new PresenterRoutes(t.candor())::register).start(0);
    session = t.scheduleSession();
    ids = t.askEach(session.id(), 1, 3);
    t.voteEach(ids.get(1), 1, 2);
    path = t.candor().presenter().link(t.moderator(), session.id(), false);
  }

  @AfterEach
  void stop() {
    server.close();
    t.close();
  }

  @Test
  void givenValidToken_thenThePageIsServedWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .contains(PresenterRoutes.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.body())
        .contains("<script src=\"/present/static/present.js\" defer></script>")
        .doesNotContain("onclick")
        .doesNotContain("<script>");
    assertThat(get("/present/static/present.js").body())
        .contains("textContent")
        .doesNotContain("innerHTML")
        .doesNotContain("eval(");
  }

  @Test
  void givenValidToken_thenBoardJsonRanksTheReleasedQuestionsWithTallies() throws Exception {
    HttpResponse<String> r = get(path + "/board.json");

    JsonNode doc = new ObjectMapper().readTree(r.body());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(doc.get("session").get("id").asText()).isEqualTo(session.id().toString());
    assertThat(doc.get("entries")).hasSize(3);
    assertThat(doc.get("entries").get(0).get("id").asText()).isEqualTo(ids.get(1).toString());
    assertThat(doc.get("entries").get(0).get("votes").asInt()).isEqualTo(2);
    assertThat(doc.get("countsHidden").asBoolean()).isFalse();
    assertThat(r.body()).doesNotContain("participant").doesNotContain("author");
  }

  @Test
  void givenHiddenTallies_thenBoardJsonHasNoCounts() throws Exception {
    t.candor().policies().setTallies(t.moderator(), session.id(), TallyPolicy.HIDDEN_UNTIL_CLOSE);

    JsonNode doc = new ObjectMapper().readTree(get(path + "/board.json").body());

    assertThat(doc.get("countsHidden").asBoolean()).isTrue();
    doc.get("entries").forEach(e -> assertThat(e.get("votes").isNull()).isTrue());
  }

  @Test
  void givenUnknownMalformedOrRenewedToken_thenNotFoundAndNoHint() throws Exception {
    String renewed = t.candor().presenter().link(t.moderator(), session.id(), true);

    assertThat(get(path).statusCode()).isEqualTo(404);
    assertThat(get(path + "/board.json").statusCode()).isEqualTo(404);
    assertThat(get("/present/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
    HttpResponse<String> traversal = get("/present/..%2F..%2Fetc%2Fpasswd");
    assertThat(traversal.statusCode()).isIn(400, 404); // Jetty refuses encoded separators
    assertThat(traversal.body()).doesNotContain("root:").doesNotContain("Exception");
    assertThat(get("/present/x'%20OR%201=1/board.json").body()).doesNotContain("Exception");
    assertThat(get(renewed).statusCode()).isEqualTo(200);
  }

  @Test
  void givenNewVotes_thenTheNextPollShowsThem() throws Exception {
    t.voteEach(ids.get(2), 1, 3);
    t.candor().votes().vote(participant(9), ids.get(2));

    JsonNode doc = new ObjectMapper().readTree(get(path + "/board.json").body());

    assertThat(doc.get("entries").get(0).get("id").asText()).isEqualTo(ids.get(2).toString());
    assertThat(doc.get("entries").get(0).get("votes").asInt()).isEqualTo(4);
  }

  private HttpResponse<String> get(String p) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + p)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
