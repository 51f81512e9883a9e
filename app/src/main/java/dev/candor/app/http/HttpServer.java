package dev.candor.app.http;

import dev.candor.core.Candor;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Consumer;

/**
 * The app's HTTP surface: health and metrics here; platform adapters add their routes ({@code POST
 * /slack/events}, {@code POST /api/messages}) through {@link #routes}. Metrics carry counts only,
 * never an id or a text.
 */
public final class HttpServer implements AutoCloseable {
  private final Javalin app;
  private final PrometheusMeterRegistry metrics;

  public HttpServer(Candor candor) {
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    Gauge.builder(
            "candor_outbox_pending",
            candor,
            c -> c.storage().inTransaction(tx -> tx.outbox().countPending()))
        .description("Outbound messages waiting for delivery")
        .register(metrics);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = 1_000_000L;
            });
    app.get(
        "/healthz",
        ctx -> {
          candor.storage().inTransaction(tx -> tx.outbox().countPending());
          ctx.contentType("application/json").result("{\"status\":\"ok\"}");
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
    app.stop();
  }
}
