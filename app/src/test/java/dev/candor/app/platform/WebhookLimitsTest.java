package dev.candor.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.util.json.GsonFactory;
import dev.candor.adapters.slack.Payloads;
import dev.candor.adapters.slack.Signer;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.SlackBoardRenderer;
import dev.candor.adapters.slack.render.SlackMessage;
import dev.candor.adapters.teams.TeamsActivityJson;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Moderation;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.question.QuestionText;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhooks' body limits on the serve wiring, over real HTTP: a request that would otherwise be
 * accepted and stored is refused with 413 and one line once it is over its route's limit, whether
 * its size is declared or it is chunked, and nothing of it is stored. And why Slack's limit is 1
 * MiB rather than a few hundred KiB: a click on Candor's fullest board carries that board.
 */
class WebhookLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOO_LARGE_SLACK =
      "Request body too large: the limit here is " + SlackPlatform.MAX_BODY + " bytes.\n";

  @TempDir Path dir;
  private ServeRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = ServeRig.create(dir, Map.of()).serve();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenASignedSlackCommandOverTheLimit_then413AndNothingIsStored() {
    Map<String, String> fields =
        new HashMap<>(rig.slashFields(ServeRig.ORGANIZER, "schedule \"Town hall\" in 2h"));
    fields.put("padding", "x".repeat((int) SlackPlatform.MAX_BODY));

    HttpResponse<String> refused = rig.slackForm(fields);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).isEqualTo(TOO_LARGE_SLACK);
    assertThat(rig.candor().sessions().current()).isEmpty();
    fields.remove("padding");
    assertThat(rig.slackForm(fields).body()).contains("Scheduled s1");
  }

  @Test
  void givenAChunkedSlackBodyOverTheLimit_then413AndNothingIsStored() throws IOException {
    Map<String, String> fields =
        new HashMap<>(rig.slashFields(ServeRig.ORGANIZER, "schedule \"Town hall\" in 2h"));
    fields.put("padding", "x".repeat((int) SlackPlatform.MAX_BODY));
    String body = Payloads.form(fields);
    long now = Instant.now().getEpochSecond();

    String answer =
        chunked(
            SlackPlatform.EVENTS_PATH,
            body,
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature",
                    Signer.sign(rig.env().get("SLACK_SIGNING_SECRET"), now, body)));

    assertThat(answer).startsWith("HTTP/1.1 413 ").endsWith("\r\n\r\n" + TOO_LARGE_SLACK);
    assertThat(rig.candor().sessions().current()).isEmpty();
  }

  @Test
  void givenATeamsActivityOverTheLimit_then413AndNothingIsStored() throws IOException {
    assertThat(
            rig.slash(
                    ServeRig.ORGANIZER,
                    "schedule \"Town hall\" in 2h channels teams:" + TeamsActivityJson.CHANNEL)
                .body())
        .contains("Scheduled s1");
    TeamsActivityJson.User asker = TeamsActivityJson.user("participant-teams-1");
    ObjectNode activity =
        (ObjectNode) JSON.readTree(rig.activities().personal(asker, "ask s1 Who decided?"));
    ObjectNode padded = activity.deepCopy();
    padded.putObject("channelData").put("padding", "x".repeat((int) TeamsPlatform.MAX_BODY));

    HttpResponse<String> refused = rig.teams(JSON.writeValueAsString(padded));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body())
        .isEqualTo(
            "Request body too large: the limit here is " + TeamsPlatform.MAX_BODY + " bytes.\n");
    assertThat(questions()).isZero();
    assertThat(rig.teams(JSON.writeValueAsString(activity)).statusCode()).isEqualTo(200);
    assertThat(questions()).isEqualTo(1);
  }

  /**
   * Slack sends the whole message with each click on it. The fullest board Candor renders (as many
   * questions as 50 blocks hold, each 1,000 characters with a 2,000-character answer) in CJK text,
   * which form-encoding turns into 9 bytes a character, makes a click payload of about 410 KiB:
   * over 256 KiB, under the 1 MiB limit.
   */
  @Test
  void givenAClickOnTheFullestBoardInCjkText_thenItsPayloadFitsTheSlackLimitButNot256KiB()
      throws IOException {
    int entries = SlackBoardRenderer.capacity();
    List<BoardEntry> board = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      board.add(
          new BoardEntry(
              QuestionId.random(),
              "问".repeat(QuestionText.MAX),
              1000 - i,
              QuestionStatus.ANSWERED,
              "答".repeat(Moderation.MAX_ANSWER),
              i + 1));
    }
    SlackMessage message = SlackBoardRenderer.render(boardView(board));
    JsonNode blocks = JSON.readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));
    Map<String, Object> click =
        Payloads.messageAction(
            "U0VOTER",
            "trigger-1",
            rig.responseUrl(),
            Payloads.button(Ids.Board.UPVOTE, board.get(0).id().toString()));
    click.put("message", Map.of("type", "message", "text", message.text(), "blocks", blocks));

    int size =
        ("payload=" + URLEncoder.encode(JSON.writeValueAsString(click), StandardCharsets.UTF_8))
            .length();

    assertThat(blocks.findValuesAsText("block_id").stream().filter(id -> id.startsWith("q_")))
        .as("every question fits in the message")
        .hasSize(entries);
    assertThat((long) size).isBetween(256 * 1024L, SlackPlatform.MAX_BODY);
  }

  private long questions() {
    return rig.candor()
        .storage()
        .inTransaction(tx -> tx.questions().bySession(new SessionId(1)))
        .size();
  }

  private static BoardView boardView(List<BoardEntry> entries) {
    SessionView session =
        new SessionView(
            new SessionId(1),
            "Town hall",
            SessionState.OPEN,
            Instant.parse("2026-03-02T09:00:00Z"),
            Instant.parse("2026-03-02T10:00:00Z"),
            ZoneId.of("UTC"),
            List.of(new ChannelRef(Platform.SLACK, "C0BOARD")),
            5);
    return new BoardView(
        session, entries, new Participation(900, 900, 9000).view(5), Instant.now());
  }

  /** Sends {@code body} chunked (no Content-Length) and returns the raw answer. */
  private String chunked(String path, String body, Map<String, String> headers) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), rig.port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head =
          new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
              .append("Transfer-Encoding: chunked\r\nConnection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      try {
        for (int at = 0; at < bytes.length; at += 8192) {
          int n = Math.min(8192, bytes.length - at);
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(bytes, at, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // the server answered and closed before the whole body was sent
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // a reset after the answer: keep what arrived
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
