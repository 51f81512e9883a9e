package dev.candor.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting that may be written in {@code candor.yml}, with the environment variable that
 * overrides it. The one table that the loader, the unknown-key check and the example-file test
 * share.
 */
enum ConfigKey {
  HTTP_PORT("http.port", "CANDOR_HTTP_PORT"),
  DATA_DIR("data-dir", "CANDOR_DATA_DIR"),
  DB_URL("database.url", "CANDOR_DB_URL"),
  DB_USER("database.user", "CANDOR_DB_USER"),
  DB_POOL_SIZE("database.pool-size", "CANDOR_DB_POOL_SIZE"),
  ORGANIZERS("organizers", "CANDOR_ORGANIZERS", true),
  TIME_ZONE("time-zone", "CANDOR_DEFAULT_TZ"),
  DEFAULT_DURATION("sessions.default-duration", "CANDOR_DEFAULT_DURATION"),
  RELEASE_MIN_ASKERS("sessions.release-min-askers", "CANDOR_RELEASE_MIN_ASKERS"),
  RELEASE_INTERVAL("sessions.release-interval", "CANDOR_RELEASE_INTERVAL"),
  PREMODERATED("sessions.premoderated", "CANDOR_PREMODERATED"),
  MAX_QUESTIONS("sessions.max-questions-per-person", "CANDOR_MAX_QUESTIONS"),
  ASK_COOLDOWN("sessions.ask-cooldown", "CANDOR_ASK_COOLDOWN"),
  REMINDERS("sessions.reminders", "CANDOR_REMINDERS", true),
  INTAKE_CLOSING_LEAD("sessions.intake-closing-lead", "CANDOR_INTAKE_CLOSING_LEAD"),
  ARCHIVE_AFTER("sessions.archive-after", "CANDOR_ARCHIVE_AFTER"),
  BOARD_REFRESH("board.refresh-interval", "CANDOR_BOARD_REFRESH"),
  BOARD_SIZE("board.size", "CANDOR_BOARD_SIZE"),
  RELEASE_TICK("scheduler.release-tick", "CANDOR_RELEASE_TICK"),
  CLUSTERED("scheduler.clustered", "CANDOR_CLUSTERED"),
  SLACK_API_URL("slack.api-url", "CANDOR_SLACK_API_URL");

  /** Sections that exist in the file; {@code teams} has no file keys but is a known place. */
  static final List<String> SECTIONS =
      List.of("http", "database", "sessions", "board", "scheduler", "slack", "teams");

  final String path;
  final String env;
  final boolean listAllowed;

  ConfigKey(String path, String env) {
    this(path, env, false);
  }

  ConfigKey(String path, String env, boolean listAllowed) {
    this.path = path;
    this.env = env;
    this.listAllowed = listAllowed;
  }

  /** The section the key lives in, or empty at the top level. */
  String section() {
    int dot = path.indexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  /** The key's own name within its section. */
  String leaf() {
    return path.substring(path.indexOf('.') + 1);
  }

  /** The JSON pointer of the key in the parsed file, e.g. {@code /sessions/reminders}. */
  String pointer() {
    return "/" + path.replace('.', '/');
  }

  static Optional<ConfigKey> byPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }

  static List<ConfigKey> inSection(String section) {
    return Arrays.stream(values()).filter(k -> k.section().equals(section)).toList();
  }

  /**
   * Lower case without separators, so that {@code pool_size} and {@code poolSize} compare equal.
   */
  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.\\s]", "");
  }
}
