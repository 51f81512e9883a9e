package dev.candor.adapters.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Slack's v0 request signature, checked strictly: the timestamp must lie within five minutes of now
 * in either direction (Bolt's own check lets any future timestamp through), and signatures are
 * compared in constant time. Logs nothing: Bolt's verifier logs whole request bodies at DEBUG, and
 * those carry user ids and question text.
 */
final class SignatureCheck extends SlackSignature.Verifier {
  /** Slack's window for replays: five minutes. */
  static final long WINDOW_SECONDS = 300;

  private final SlackSignature.Generator generator;
  private final Clock clock;

  SignatureCheck(String signingSecret, Clock clock) {
    this(new SlackSignature.Generator(signingSecret), clock);
  }

  private SignatureCheck(SlackSignature.Generator generator, Clock clock) {
    super(generator);
    this.generator = generator;
    this.clock = clock;
  }

  /** Whether the request is signed with our secret, now. */
  boolean valid(String timestamp, String body, String signature) {
    return isValid(timestamp, body, signature, clock.millis());
  }

  @Override
  public boolean isValid(String timestamp, String body, String signature, long nowInMillis) {
    if (timestamp == null || signature == null || body == null) {
      return false;
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(nowInMillis / 1000 - sent) > WINDOW_SECONDS) {
      return false;
    }
    String expected = generator.generate(timestamp, body);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }
}
