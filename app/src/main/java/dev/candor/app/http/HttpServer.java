package dev.candor.app.http;

import dev.candor.core.Candor;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The app's HTTP surface: health and metrics here; platform adapters add their routes ({@code POST
 * /slack/events}, {@code POST /api/messages}) through {@link #routes} and their body limits through
 * {@link #limitBody}. Metrics carry counts only, never an id or a text.
 *
 * <p>{@link #close()} stops gracefully: no new connection or request is accepted, and requests in
 * progress get up to {@link #STOP_TIMEOUT} to finish.
 */
public final class HttpServer implements AutoCloseable {
  /** How long requests in progress may take to finish once stopping has begun. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The body limit of every path not given its own: health, metrics and the presenter take none.
   */
  public static final long DEFAULT_BODY_LIMIT = 16 * 1024;

  private final Javalin app;
  private final PrometheusMeterRegistry metrics;
  private final BodyLimits bodyLimits = new BodyLimits(DEFAULT_BODY_LIMIT);
  private final Health health;

  public HttpServer(Candor candor) {
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    CoreMetrics.bind(candor, metrics);
    this.health = new Health(candor);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              // BodyLimits decides, per path and for chunked bodies too.
              config.http.maxRequestSize = Long.MAX_VALUE;
              config.jetty.modifyServletContextHandler(
                  handler -> {
                    FilterHolder limits = new FilterHolder(bodyLimits);
                    limits.setAsyncSupported(true);
                    handler.addFilter(limits, "/*", EnumSet.of(DispatcherType.REQUEST));
                  });
              config.jetty.modifyServer(
                  server -> {
                    // Counts requests in progress, so that stopping waits for them.
                    server.setHandler(new StatisticsHandler());
                    server.setStopTimeout(STOP_TIMEOUT.toMillis());
                  });
            });
    app.get(
        "/healthz",
        ctx -> {
          Health.Report report = health.check();
          ctx.status(report.healthy() ? 200 : 503)
              .contentType("application/json")
              .result(report.json());
        });
    app.get(
        "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          org.slf4j.LoggerFactory.getLogger(HttpServer.class)
              .error("HTTP {} {} failed: {}", ctx.method(), ctx.matchedPath(), e.toString());
          ctx.status(500).result("Internal error");
        });
  }

  /** Lets an adapter add its routes before {@link #start}. */
  public HttpServer routes(Consumer<Javalin> adder) {
    adder.accept(app);
    return this;
  }

  /**
   * Refuses bodies over {@code bytes} at {@code path} with 413, chunked ones included; call before
   * {@link #start}.
   */
  public HttpServer limitBody(String path, long bytes) {
    bodyLimits.limit(path, bytes);
    return this;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  /** Starts listening; port 0 picks a free port (see {@link #port}). */
  public HttpServer start(int port) {
    app.start("0.0.0.0", port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      health.close();
    }
  }
}
