package dev.candor.adapters.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Bot Framework channel tokens signed locally, and the signing keys as the fake connector publishes
 * them: what the SDK's own JWT validation checks, without Microsoft's servers.
 */
public final class BotTokens {
  private BotTokens() {}

  /** A fresh 2048-bit RSA key pair. */
  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A channel-to-bot token valid for ten minutes. */
  public static String token(KeyPair pair, String keyId, String audience, String serviceUrl) {
    Instant now = Instant.now();
    return JWT.create()
        .withKeyId(keyId)
        .withIssuer(AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER)
        .withAudience(audience)
        .withClaim(AuthenticationConstants.SERVICE_URL_CLAIM, serviceUrl)
        .withNotBefore(now.minusSeconds(60))
        .withExpiresAt(now.plusSeconds(600))
        .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
  }

  /** The signing key as the Bot Framework publishes it, endorsed for {@code msteams}. */
  public static ObjectNode jwks(RSAPublicKey key, String keyId) {
    ObjectNode jwks = JsonNodeFactory.instance.objectNode();
    ObjectNode jwk = jwks.putArray("keys").addObject();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("kid", keyId);
    jwk.put("n", base64Url(key.getModulus()));
    jwk.put("e", base64Url(key.getPublicExponent()));
    jwk.putArray("endorsements").add("msteams");
    return jwks;
  }

  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
