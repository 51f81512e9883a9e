package dev.candor.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.app.config.CandorConfig.Board;
import dev.candor.app.config.CandorConfig.Database;
import dev.candor.app.config.CandorConfig.Http;
import dev.candor.app.config.CandorConfig.Scheduler;
import dev.candor.app.config.CandorConfig.Sessions;
import dev.candor.core.CandorSettings;
import dev.candor.core.session.SessionSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the parsed file and the environment into a {@link CandorConfig}: the environment wins over
 * the file, the file over the default. Every bad value adds a problem and falls back to its
 * default, so that one pass finds them all. Defaults of what the core owns are the core's own
 * ({@link CandorSettings#defaults()}), so the two cannot disagree.
 */
final class ConfigResolver {
  private static final int MAX_BOARD_SIZE = 50;

  private final JsonNode root;
  private final Map<String, String> env;
  private final List<String> problems;

  ConfigResolver(JsonNode root, Map<String, String> env, List<String> problems) {
    this.root = root;
    this.env = env;
    this.problems = problems;
  }

  CandorConfig resolve() {
    CandorSettings core = CandorSettings.defaults();
    return new CandorConfig(
        new Http(integer(ConfigKey.HTTP_PORT, 3000, 1, 65535, "")),
        value(ConfigKey.DATA_DIR, Path.of("./data"), this::path),
        database(),
        value(ConfigKey.ORGANIZERS, "", raw -> Values.organizers(this, raw)),
        Values.zone(this, core.defaultZone()),
        sessions(core),
        new Board(
            duration(ConfigKey.BOARD_REFRESH, core.boardRefreshInterval(), Duration.ZERO),
            integer(ConfigKey.BOARD_SIZE, core.boardSize(), 1, MAX_BOARD_SIZE, "")),
        new Scheduler(
            duration(ConfigKey.RELEASE_TICK, core.releaseTick(), Duration.ofMillis(100)),
            bool(ConfigKey.CLUSTERED, false)),
        Values.masterKey(this, secret(EnvOnly.MASTER_KEY)),
        Values.slack(this),
        Values.teams(this));
  }

  private Database database() {
    return new Database(
        value(ConfigKey.DB_URL, "", raw -> Values.jdbcUrl(this, raw)),
        text(ConfigKey.DB_USER, ""),
        secret(EnvOnly.DB_PASSWORD),
        integer(ConfigKey.DB_POOL_SIZE, 10, 1, 200, ""));
  }

  private Sessions sessions(CandorSettings core) {
    SessionSettings s = core.sessionDefaults();
    return new Sessions(
        duration(ConfigKey.DEFAULT_DURATION, core.defaultDuration(), Duration.ofMinutes(1)),
        integer(
            ConfigKey.RELEASE_MIN_ASKERS,
            s.minAskers(),
            SessionSettings.MIN_K,
            Integer.MAX_VALUE,
            ", so that no question can be traced to one of two people"),
        duration(ConfigKey.RELEASE_INTERVAL, s.releaseInterval(), Duration.ZERO),
        bool(ConfigKey.PREMODERATED, s.premoderated()),
        integer(ConfigKey.MAX_QUESTIONS, s.maxQuestionsPerPerson(), 1, Integer.MAX_VALUE, ""),
        duration(ConfigKey.ASK_COOLDOWN, s.askCooldown(), Duration.ZERO),
        Values.reminders(this, s.reminderOffsets()),
        duration(ConfigKey.INTAKE_CLOSING_LEAD, core.intakeClosingLead(), Duration.ZERO),
        duration(ConfigKey.ARCHIVE_AFTER, core.archiveAfter(), Duration.ZERO));
  }

  // --- raw values -------------------------------------------------------------------------

  /** A value as written, and where: the environment or the file. */
  record Raw(ConfigKey key, String text, boolean fromEnv) {
    /** How a problem names the setting, e.g. {@code http.port (CANDOR_HTTP_PORT)}. */
    String label() {
      return key.path + " (" + key.env + (fromEnv ? ", from the environment)" : ")");
    }
  }

  /** The value of a key from the environment (if not blank) or the file; empty for the default. */
  Optional<Raw> raw(ConfigKey key) {
    String fromEnv = env.get(key.env);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(new Raw(key, fromEnv.strip(), true));
    }
    JsonNode node = root.at(key.pointer());
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (node.isValueNode()) {
      return Optional.of(new Raw(key, node.asText().strip(), false));
    }
    if (key.listAllowed && node.isArray() && allScalars(node)) {
      String joined =
          node.valueStream()
              .map(JsonNode::asText)
              .map(String::strip)
              .collect(Collectors.joining(","));
      return Optional.of(new Raw(key, joined, false));
    }
    problem(
        key.path
            + " ("
            + key.env
            + ") must be "
            + (key.listAllowed ? "a single value or a list of values" : "a single value")
            + ", not "
            + FileKeys.kind(node));
    return Optional.empty();
  }

  /** An environment-only value, if set and not blank. */
  Optional<Secret> secret(EnvOnly setting) {
    return envText(setting).map(Secret::of);
  }

  Optional<String> envText(EnvOnly setting) {
    String value = env.get(setting.env);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  void problem(String message) {
    problems.add(message);
  }

  /** Parses a key's value, or reports the parser's complaint and returns the default. */
  <T> T value(ConfigKey key, T fallback, Function<Raw, Optional<T>> parser) {
    return raw(key).flatMap(parser).orElse(fallback);
  }

  // --- typed values -----------------------------------------------------------------------

  String text(ConfigKey key, String fallback) {
    return raw(key).map(Raw::text).orElse(fallback);
  }

  private Optional<Path> path(Raw raw) {
    if (raw.text().isEmpty()) {
      problem(raw.label() + " is empty; write a folder, e.g. ./data");
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(raw.text()));
    } catch (InvalidPathException e) {
      problem(raw.label() + " '" + raw.text() + "' is not a valid path: " + e.getReason());
      return Optional.empty();
    }
  }

  private int integer(ConfigKey key, int fallback, int min, int max, String why) {
    String rule =
        max == Integer.MAX_VALUE
            ? "it must be at least " + min + why
            : "it must be between " + min + " and " + max + why;
    return value(
        key,
        fallback,
        raw -> {
          if (!raw.text().matches("-?\\d+")) {
            problem(raw.label() + " '" + raw.text() + "' is not a whole number; " + rule);
            return Optional.empty();
          }
          long n = raw.text().length() > 11 ? Long.MAX_VALUE : Long.parseLong(raw.text());
          if (n < min || n > max) {
            problem(raw.label() + " is " + raw.text() + "; " + rule);
            return Optional.empty();
          }
          return Optional.of((int) n);
        });
  }

  private Duration duration(ConfigKey key, Duration fallback, Duration min) {
    return value(key, fallback, raw -> Values.duration(this, raw, raw.text(), min));
  }

  private boolean bool(ConfigKey key, boolean fallback) {
    return value(
        key,
        fallback,
        raw ->
            switch (raw.text().toLowerCase(Locale.ROOT)) {
              case "true", "yes", "on" -> Optional.of(true);
              case "false", "no", "off" -> Optional.of(false);
              default -> {
                problem(raw.label() + " '" + raw.text() + "' is not true or false");
                yield Optional.empty();
              }
            });
  }

  private static boolean allScalars(JsonNode array) {
    return array.valueStream().allMatch(JsonNode::isValueNode);
  }
}
