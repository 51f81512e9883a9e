package dev.candor.app.config;

import dev.candor.app.config.CandorConfig.Database;
import dev.candor.app.config.CandorConfig.Slack;
import dev.candor.app.config.CandorConfig.Teams;
import dev.candor.app.config.ConfigResolver.Raw;
import dev.candor.core.CandorException;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.identity.Organizers;
import dev.candor.core.identity.Platform;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks of individual settings that need more than a number range. */
final class Values {
  private static final URI SLACK_API = URI.create("https://slack.com/api/");

  private Values() {}

  static Optional<Duration> duration(ConfigResolver r, Raw raw, String text, Duration min) {
    Optional<Duration> parsed = DurationText.parse(text);
    if (parsed.isEmpty()) {
      String hint =
          text.matches("\\d+")
              ? "' has no unit; write e.g. " + text + "s or " + text + "m"
              : "' is not a duration; write " + DurationText.FORM;
      r.problem(raw.label() + " '" + text + hint);
    } else if (parsed.get().compareTo(min) < 0) {
      r.problem(raw.label() + " is " + text + "; it must be at least " + DurationText.format(min));
      return Optional.empty();
    }
    return parsed;
  }

  static Optional<String> organizers(ConfigResolver r, Raw raw) {
    String spec = raw.text();
    try {
      Organizers.parse(spec);
      for (String entry : spec.split(",")) {
        int colon = entry.indexOf(':');
        if (colon > 0) {
          // Organizers.parse would take an unknown platform as part of a console user id.
          Platform.parse(entry.substring(0, colon));
        }
      }
      return Optional.of(spec);
    } catch (CandorException e) {
      r.problem(raw.label() + " '" + spec + "' is not valid: " + e.getMessage());
      return Optional.empty();
    }
  }

  static ZoneId zone(ConfigResolver r, ZoneId fallback) {
    return r.value(
        ConfigKey.TIME_ZONE,
        fallback,
        raw -> {
          if (ZoneId.getAvailableZoneIds().contains(raw.text())) {
            return Optional.of(ZoneId.of(raw.text()));
          }
          Optional<String> sameButCase =
              ZoneId.getAvailableZoneIds().stream()
                  .filter(id -> id.equalsIgnoreCase(raw.text()))
                  .findFirst();
          r.problem(
              raw.label()
                  + " '"
                  + raw.text()
                  + "' is not an IANA time zone, e.g. "
                  + sameButCase
                      .map(id -> id + " (time zones are case-sensitive)")
                      .orElse("Europe/Berlin"));
          return Optional.empty();
        });
  }

  static List<Duration> reminders(ConfigResolver r, List<Duration> fallback) {
    return r.value(
        ConfigKey.REMINDERS,
        fallback,
        raw -> {
          if (raw.text().equalsIgnoreCase("none")) {
            return Optional.of(List.of());
          }
          List<Duration> out = new ArrayList<>();
          boolean valid = true;
          for (String part : raw.text().split(",")) {
            Optional<Duration> d = duration(r, raw, part.strip(), Duration.ofSeconds(1));
            valid &= d.isPresent();
            if (d.isPresent() && out.contains(d.get())) {
              r.problem(raw.label() + " lists " + part.strip() + " twice");
              valid = false;
            }
            d.ifPresent(out::add);
          }
          return valid ? Optional.of(out) : Optional.empty();
        });
  }

  static Optional<String> jdbcUrl(ConfigResolver r, Raw raw) {
    String url = raw.text();
    if (!raw.fromEnv() && Database.containsPassword(url)) {
      r.problem(
          raw.label()
              + " contains a password; secrets are read only from the environment: remove it from"
              + " the URL and set CANDOR_DB_PASSWORD");
      return Optional.empty();
    }
    if (!url.isEmpty() && !url.startsWith("jdbc:")) {
      r.problem(
          raw.label()
              + " '"
              + Database.redact(url)
              + "' is not a JDBC URL; write e.g. jdbc:postgresql://db.example.org:5432/candor,"
              + " or leave it empty for the embedded database under data-dir");
      return Optional.empty();
    }
    return Optional.of(url);
  }

  static Optional<Secret> masterKey(ConfigResolver r, Optional<Secret> key) {
    try {
      key.ifPresent(k -> MasterKey.fromBase64(k.reveal()));
      return key;
    } catch (IllegalArgumentException e) {
      r.problem(
          "CANDOR_MASTER_KEY is not the base64 form of 32 bytes; make one with:"
              + " openssl rand -base64 32");
      return Optional.empty();
    }
  }

  static Slack slack(ConfigResolver r) {
    Optional<Secret> bot = r.secret(EnvOnly.SLACK_BOT_TOKEN);
    Optional<Secret> signing = r.secret(EnvOnly.SLACK_SIGNING_SECRET);
    Optional<Secret> app = r.secret(EnvOnly.SLACK_APP_TOKEN);
    if (bot.isEmpty() && (signing.isPresent() || app.isPresent())) {
      String set =
          signing.isPresent() && app.isPresent()
              ? "SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are"
              : (app.isPresent() ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET") + " is";
      r.problem(
          "Slack is half set up: "
              + set
              + " set but SLACK_BOT_TOKEN (xoxb-...) is missing; set it too, or unset the others");
    } else if (bot.isPresent() && signing.isEmpty() && app.isEmpty()) {
      r.problem(
          "Slack is half set up: SLACK_BOT_TOKEN is set but SLACK_APP_TOKEN (xapp-..., for Socket"
              + " Mode) or SLACK_SIGNING_SECRET (for HTTP events) is missing");
    }
    tokenPrefix(r, bot, "SLACK_BOT_TOKEN", "xoxb-", "a bot token");
    tokenPrefix(r, app, "SLACK_APP_TOKEN", "xapp-", "an app-level token");
    return new Slack(bot, signing, app, slackApi(r));
  }

  private static void tokenPrefix(
      ConfigResolver r, Optional<Secret> token, String env, String prefix, String what) {
    if (token.isPresent() && !token.get().reveal().startsWith(prefix)) {
      r.problem(env + " is not " + what + ": it should start with " + prefix);
    }
  }

  private static URI slackApi(ConfigResolver r) {
    return r.value(
        ConfigKey.SLACK_API_URL,
        SLACK_API,
        raw -> {
          String text = raw.text().endsWith("/") ? raw.text() : raw.text() + "/";
          try {
            URI uri = new URI(text);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                && uri.getHost() != null) {
              return Optional.of(uri);
            }
          } catch (URISyntaxException e) {
            // reported below
          }
          r.problem(raw.label() + " '" + raw.text() + "' is not an http(s) URL, e.g. " + SLACK_API);
          return Optional.empty();
        });
  }

  static Teams teams(ConfigResolver r) {
    Optional<String> appId = r.envText(EnvOnly.TEAMS_APP_ID);
    Optional<Secret> password = r.secret(EnvOnly.TEAMS_APP_PASSWORD);
    Optional<String> tenant = r.envText(EnvOnly.TEAMS_TENANT_ID);
    if (appId.isPresent() && password.isEmpty()) {
      r.problem(
          "Teams is half set up: MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is missing;"
              + " set it too, or unset MICROSOFT_APP_ID");
    } else if (appId.isEmpty() && (password.isPresent() || tenant.isPresent())) {
      r.problem(
          "Teams is half set up: "
              + (password.isPresent() ? "MICROSOFT_APP_PASSWORD" : "MICROSOFT_APP_TENANT_ID")
              + " is set but MICROSOFT_APP_ID is missing; set it too, or unset the others");
    }
    return new Teams(appId, password, tenant);
  }
}
