package dev.candor.app.cluster;

import dev.candor.adapters.slack.FakeSlackApi;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The environment an operator would give each Candor node of one deployment. */
final class NodeEnv {
  static final String ORGANIZER = "U0ORGANIZER";

  private NodeEnv() {}

  /** One master key for the deployment: every node must hold the same one. */
  static String masterKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /**
   * Slack in HTTP mode against {@code slack}, with {@code token} as this node's bot token (so the
   * fake can tell the nodes apart), on the database at {@code dbUrl} (an H2 file under {@code
   * dataDir} when null).
   */
  static Map<String, String> of(
      String dbUrl,
      boolean clustered,
      String masterKey,
      FakeSlackApi slack,
      String token,
      Path dataDir) {
    Map<String, String> env = new HashMap<>();
    if (dbUrl != null) {
      env.put("CANDOR_DB_URL", dbUrl);
    }
    env.put("CANDOR_CLUSTERED", Boolean.toString(clustered));
    env.put("CANDOR_MASTER_KEY", masterKey);
    env.put("CANDOR_DATA_DIR", dataDir.toString());
    env.put("CANDOR_ORGANIZERS", "slack:" + ORGANIZER);
    env.put("CANDOR_DEFAULT_TZ", "UTC");
    env.put("CANDOR_RELEASE_MIN_ASKERS", "3");
    env.put("CANDOR_RELEASE_INTERVAL", "0");
    env.put("CANDOR_ASK_COOLDOWN", "0");
    env.put("SLACK_BOT_TOKEN", token);
    env.put("SLACK_SIGNING_SECRET", SignedSlack.SECRET);
    env.put("CANDOR_SLACK_API_URL", slack.apiUrl());
    return env;
  }

  static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, value);
    return copy;
  }
}
