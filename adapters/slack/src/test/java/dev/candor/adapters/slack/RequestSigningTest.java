package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackRig.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestSigningTest {
  private SlackRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start();
    rig.core.scheduleSession();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  // Over HTTP the test stamps the request a moment before the server checks it, so these offsets
  // keep a margin from the 300 s edge; SignatureCheckTest pins the edge itself on a fixed clock.
  @ParameterizedTest(name = "a timestamp {0} s off is refused")
  @CsvSource({"-320", "320", "-3600", "86400"})
  void givenATimestampMoreThanFiveMinutesOff_thenTheRequestIsRefused(long offset) {
    String body = rig.slashBody(participant(1), "ask Is the merger going ahead?", rig.trigger());
    long ts = Instant.now().getEpochSecond() + offset;

    HttpResponse<String> r =
        rig.postSigned(
            body,
            "application/x-www-form-urlencoded",
            Map.of(),
            ts,
            Signer.sign(SlackRig.SECRET, ts, body));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(rig.core.count("questions")).isZero();
  }

  @ParameterizedTest(name = "a timestamp {0} s off is accepted")
  @CsvSource({"-280", "0", "280"})
  void givenATimestampWithinFiveMinutes_thenTheRequestIsServed(long offset) {
    String body = rig.slashBody(participant(1), "ask Is the merger going ahead?", rig.trigger());
    long ts = Instant.now().getEpochSecond() + offset;

    HttpResponse<String> r =
        rig.postSigned(
            body,
            "application/x-www-form-urlencoded",
            Map.of(),
            ts,
            Signer.sign(SlackRig.SECRET, ts, body));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(rig.core.count("questions")).isEqualTo(1);
  }

  @Test
  void givenASignatureMadeWithAnotherSecret_thenTheRequestIsRefused() {
    String body = rig.slashBody(participant(1), "ask Is the merger going ahead?", rig.trigger());
    long ts = Instant.now().getEpochSecond();

    HttpResponse<String> r =
        rig.postSigned(
            body,
            "application/x-www-form-urlencoded",
            Map.of(),
            ts,
            Signer.sign("not-the-secret", ts, body));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(rig.core.count("questions")).isZero();
  }

  @Test
  void givenABodyChangedAfterSigning_thenTheRequestIsRefused() {
    String body = rig.slashBody(participant(1), "ask Is the merger going ahead?", rig.trigger());
    long ts = Instant.now().getEpochSecond();
    String signature = Signer.sign(SlackRig.SECRET, ts, body);

    HttpResponse<String> r =
        rig.postSigned(
            body.replace("merger", "layoff"),
            "application/x-www-form-urlencoded",
            Map.of(),
            ts,
            signature);

    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void givenNoSignatureHeaders_thenTheRequestIsRefused() {
    String body = rig.slashBody(participant(1), "help", rig.trigger());

    assertThat(
            rig.postSigned(body, "application/x-www-form-urlencoded", Map.of(), null, null)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            rig.postSigned(
                    body,
                    "application/x-www-form-urlencoded",
                    Map.of(),
                    Instant.now().getEpochSecond(),
                    null)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void givenOurSigner_thenItAgreesWithSlacksGenerator() {
    String body = rig.slashBody(participant(1), "help", rig.trigger());

    assertThat(Signer.sign(SlackRig.SECRET, 1767225600L, body))
        .isEqualTo(new SlackSignature.Generator(SlackRig.SECRET).generate("1767225600", body));
  }

  @Test
  void givenSlacksUrlVerification_thenTheChallengeIsEchoed() {
    HttpResponse<String> r =
        rig.post(
            "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
            "application/json",
            Map.of());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void givenAGetRequest_thenOnlyPostIsAllowed() {
    SlackHttpHandler.Response r =
        rig.adapter.httpHandler().handle("GET", "/slack/events", null, Map.of(), "");

    assertThat(r.status()).isEqualTo(405);
  }
}
