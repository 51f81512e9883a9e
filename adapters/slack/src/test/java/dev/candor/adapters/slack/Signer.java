package dev.candor.adapters.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature, computed independently of Bolt: {@code v0=} and the hex HMAC-SHA256
 * of {@code v0:<timestamp>:<body>} under the signing secret.
 */
public final class Signer {
  private Signer() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
