package dev.candor.app.platform;

import dev.candor.app.config.CandorConfig;
import dev.candor.app.http.HttpServer;
import dev.candor.core.Candor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chat platforms whose credentials are configured, started and stopped together. */
public final class Platforms implements AutoCloseable {
  private final Optional<SlackPlatform> slack;
  private final Optional<TeamsPlatform> teams;

  private Platforms(Optional<SlackPlatform> slack, Optional<TeamsPlatform> teams) {
    this.slack = slack;
    this.teams = teams;
  }

  /** Builds every configured adapter and registers its messenger; call before the core starts. */
  public static Platforms from(CandorConfig config, Map<String, String> env, Candor candor) {
    return new Platforms(
        SlackPlatform.from(config, candor), TeamsPlatform.from(config, env, candor));
  }

  public boolean isEmpty() {
    return slack.isEmpty() && teams.isEmpty();
  }

  /** Mounts each adapter's HTTP route, with its body limit. */
  public void routes(HttpServer http) {
    slack.ifPresent(
        s -> {
          http.routes(s::routes);
          http.limitBody(SlackPlatform.EVENTS_PATH, SlackPlatform.MAX_BODY);
        });
    teams.ifPresent(
        t -> {
          http.routes(t::routes);
          http.limitBody(TeamsPlatform.MESSAGES_PATH, TeamsPlatform.MAX_BODY);
        });
  }

  /** Connects what needs connecting (Slack Socket Mode, token checks). */
  public void start() throws Exception {
    if (slack.isPresent()) {
      slack.get().start();
    }
  }

  public Optional<SlackPlatform> slack() {
    return slack;
  }

  /**
   * Stops taking chat input (Socket Mode) and lets work already acknowledged finish; the platforms'
   * clients stay open for the outbox until {@link #close()}.
   */
  public void stopIntake() {
    slack.ifPresent(SlackPlatform::stopIntake);
  }

  @Override
  public void close() {
    slack.ifPresent(SlackPlatform::close);
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    slack.ifPresent(s -> names.add("Slack"));
    teams.ifPresent(t -> names.add("Microsoft Teams"));
    return names.isEmpty() ? "no chat platform" : String.join(" and ", names);
  }
}
