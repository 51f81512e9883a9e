package dev.candor.app;

import dev.candor.app.config.CandorConfig;
import dev.candor.app.http.HttpServer;
import dev.candor.app.platform.Platforms;
import dev.candor.app.present.PresenterRoutes;
import dev.candor.core.Candor;
import dev.candor.core.Failures;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs: the core on its database, the HTTP server, and every configured chat
 * platform, started in that order.
 *
 * <p>{@link #close()} stops gracefully, each step after the one before has finished:
 *
 * <ol>
 *   <li>HTTP stops accepting; requests in progress finish (up to {@link HttpServer#STOP_TIMEOUT});
 *   <li>Slack's Socket Mode disconnects; work already acknowledged finishes (up to 5 s);
 *   <li>the scheduler stops, waiting for running jobs;
 *   <li>the outbox finishes the delivery in progress (up to 5 s) and keeps the rest, durably, for
 *       the next start;
 *   <li>the platforms' clients close, then the database.
 * </ol>
 */
public final class Serving implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Serving.class);

  private final CandorRuntime runtime;
  private final HttpServer http;
  private final Platforms platforms;
  private boolean closed;

  private Serving(CandorRuntime runtime, HttpServer http, Platforms platforms) {
    this.runtime = runtime;
    this.http = http;
    this.platforms = platforms;
  }

  /**
   * Opens the database, mounts every route, starts the scheduler and the outbox, listens on the
   * configured port and connects the platforms; on failure, stops what had started and rethrows.
   *
   * @param env the environment: platform settings not in {@code config} and {@code
   *     CANDOR_PUBLIC_URL}
   */
  public static Serving start(CandorConfig config, Map<String, String> env, Clock clock)
      throws Exception {
    CandorRuntime runtime = CandorRuntime.open(config, config.toSettings(), clock);
    HttpServer http = null;
    Platforms platforms = null;
    try {
      http = new HttpServer(runtime.candor());
      platforms = Platforms.from(config, env, runtime.candor());
      platforms.routes(http);
      http.routes(new PresenterRoutes(runtime.candor())::register);
      String publicUrl = env.get("CANDOR_PUBLIC_URL");
      if (publicUrl != null && !publicUrl.isBlank()) {
        runtime.candor().presenter().useBaseUrl(publicUrl);
      }
      runtime.startDurable(config.scheduler().clustered());
      http.start(config.http().port());
      platforms.start();
      return new Serving(runtime, http, platforms);
    } catch (Exception | Error e) {
      new Serving(runtime, http, platforms).close();
      throw e;
    }
  }

  public Candor candor() {
    return runtime.candor();
  }

  public CandorRuntime runtime() {
    return runtime;
  }

  public Platforms platforms() {
    return platforms;
  }

  /** The port HTTP listens on. */
  public int port() {
    return http.port();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long started = System.nanoTime();
    if (http != null) {
      step("HTTP", http::close);
    }
    if (platforms != null) {
      step("chat intake", platforms::stopIntake);
    }
    step("scheduler and outbox", runtime.candor()::close);
    if (platforms != null) {
      step("chat clients", platforms::close);
    }
    step("database", runtime::close);
    log.info("stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** Runs one step of stopping; a failure is logged and the next step runs anyway. */
  private static void step(String what, Runnable stop) {
    long started = System.nanoTime();
    try {
      stop.run();
      log.info("stopped {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("stopping {} failed: {}", what, Failures.describe(e));
    }
  }
}
