package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.session.ListeningSession;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an app id set, activities need a Bot Framework token: the SDK's own validation runs against
 * an OpenID metadata document and signing keys served by the fake connector, and tokens are signed
 * here with a key pair made for the test.
 */
class AuthenticationTest {
  private static final String APP_ID = "00000000-aaaa-bbbb-cccc-000000000001";
  private static final String KEY_ID = "candor-test-key";
  private static final String OUTBOUND_TOKEN = "outbound-test-token";

  private final User alice = TeamsActivityJson.user("alice");
  private final KeyPair keys = BotTokens.rsa();
  private final KeyPair otherKeys = BotTokens.rsa();
  private TeamsHarness teams;
  private ListeningSession session;

  /** The bot's own token for the connector: the fake connector cannot issue Entra tokens. */
  static final class FixedTokenCredentials extends MicrosoftAppCredentials {
    FixedTokenCredentials() {
      super(APP_ID, "secret");
    }

    @Override
    public CompletableFuture<String> getToken() {
      return CompletableFuture.completedFuture(OUTBOUND_TOKEN);
    }
  }

  @BeforeEach
  void start() {
    teams =
        TeamsHarness.start(
            b -> b,
            connector ->
                TeamsSettings.of(APP_ID, "secret", null)
                    .withOpenIdMetadataUrl(connector.openIdMetadataUrl()),
            new FixedTokenCredentials());
    teams.connector.publishKeys(BotTokens.jwks((RSAPublicKey) keys.getPublic(), KEY_ID));
    session = teams.session();
  }

  @AfterEach
  void stop() {
    // The SDK keeps the metadata URL in a static field: put the public cloud's back.
    ChannelValidation.setOpenIdMetaDataUrl(
        AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
    teams.close();
  }

  @Test
  void givenNoToken_thenRefusedWith401AndNothingIsProcessed() {
    BotServer.Answer answer = teams.server.post(ask());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(teams.questionCount()).isZero();
    assertThat(teams.connector.requests()).isEmpty();
    assertThat(teams.core.count("conversations")).isZero();
  }

  @Test
  void givenMalformedOrForeignTokens_thenEachIsRefusedWith401() {
    String serviceUrl = teams.connector.serviceUrl();
    String[] refused = {
      "Bearer not-a-jwt",
      "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes()),
      "Bearer " + BotTokens.token(otherKeys, KEY_ID, APP_ID, serviceUrl),
      "Bearer " + BotTokens.token(otherKeys, "unknown-key", APP_ID, serviceUrl),
      "Bearer " + BotTokens.token(keys, KEY_ID, "some-other-bot", serviceUrl),
      "Bearer " + BotTokens.token(keys, KEY_ID, APP_ID, "https://elsewhere.example/"),
    };
    for (String authorization : refused) {
      assertThat(teams.server.post(ask(), authorization).status()).as(authorization).isEqualTo(401);
    }
    assertThat(teams.questionCount()).isZero();
    assertThat(teams.connector.requests()).isEmpty();
  }

  @Test
  void givenAValidToken_thenTheQuestionIsTakenAndTheReplyCarriesTheBotsOwnToken() {
    String authorization =
        "Bearer " + BotTokens.token(keys, KEY_ID, APP_ID, teams.connector.serviceUrl());

    BotServer.Answer answer = teams.server.post(ask(), authorization);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(teams.questionCount()).isEqualTo(1);
    FakeConnector.Request reply = teams.connector.requests().get(0);
    assertThat(reply.header("Authorization")).isEqualTo("Bearer " + OUTBOUND_TOKEN);
  }

  @Test
  void givenAValidToken_thenADialogIsAnsweredInTheResponse() {
    String authorization =
        "Bearer " + BotTokens.token(keys, KEY_ID, APP_ID, teams.connector.serviceUrl());

    BotServer.Answer answer =
        teams.server.post(
            teams.activities.invoke("task/fetch", alice, true, data(CardIds.ASK)), authorization);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("task").path("type").asText()).isEqualTo("continue");
  }

  @Test
  void givenASingleTenantBot_thenAnotherTenantsActivityIsIgnoredAndNothingIsStored() {
    try (TeamsHarness elsewhere =
        TeamsHarness.start(
            b -> b,
            connector ->
                TeamsSettings.of(APP_ID, "secret", "another-tenant")
                    .withOpenIdMetadataUrl(connector.openIdMetadataUrl()),
            new FixedTokenCredentials())) {
      elsewhere.connector.publishKeys(BotTokens.jwks((RSAPublicKey) keys.getPublic(), KEY_ID));
      ListeningSession s = elsewhere.session();
      String authorization =
          "Bearer " + BotTokens.token(keys, KEY_ID, APP_ID, elsewhere.connector.serviceUrl());

      BotServer.Answer answer =
          elsewhere.server.post(
              elsewhere.activities.personal(alice, "ask " + s.id() + " Who decided this?"),
              authorization);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(elsewhere.questionCount()).isZero();
      assertThat(elsewhere.core.count("conversations")).isZero();
      assertThat(elsewhere.connector.requests()).isEmpty();
    }
  }

  private String ask() {
    return teams.activities.personal(alice, "ask " + session.id() + " Who decided this?");
  }
}
