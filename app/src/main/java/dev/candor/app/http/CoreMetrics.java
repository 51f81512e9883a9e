package dev.candor.app.http;

import dev.candor.core.Candor;
import dev.candor.core.Counters;
import dev.candor.core.Counters.Outcome;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.identity.Platform;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The core's {@link Counters} as Prometheus counters, plus the outbox backlog. Every series is
 * registered up front, so a scrape shows zeros rather than missing series, and the only labels are
 * {@code platform}, {@code kind} and {@code outcome}: a handful of fixed values each, never an id,
 * a pseudonym, a title or a text.
 *
 * <ul>
 *   <li>{@code candor_questions_asked_total{platform}}
 *   <li>{@code candor_votes_cast_total{platform}}
 *   <li>{@code candor_delivery_attempts_total{platform,kind,outcome}}, outcome {@code sent}, {@code
 *       retried} (failed for now, tried again later) or {@code failed} (given up)
 *   <li>{@code candor_outbox_pending}
 * </ul>
 */
final class CoreMetrics {
  private CoreMetrics() {}

  static void bind(Candor candor, MeterRegistry registry) {
    Counters counters = candor.counters();
    for (Platform platform : Platform.values()) {
      FunctionCounter.builder("candor.questions.asked", counters, c -> c.questionsAsked(platform))
          .description("Questions asked and stored")
          .tag("platform", platform.id())
          .register(registry);
      FunctionCounter.builder("candor.votes.cast", counters, c -> c.votesCast(platform))
          .description("Votes cast and stored")
          .tag("platform", platform.id())
          .register(registry);
      for (NoticeKind kind : NoticeKind.values()) {
        for (Outcome outcome : Outcome.values()) {
          FunctionCounter.builder(
                  "candor.delivery.attempts", counters, c -> c.deliveries(platform, kind, outcome))
              .description(
                  "Outbox delivery attempts by outcome: sent, retried (failed for now) or failed"
                      + " (given up)")
              .tag("platform", platform.id())
              .tag("kind", lower(kind))
              .tag("outcome", lower(outcome))
              .register(registry);
        }
      }
    }
    Gauge.builder(
            "candor_outbox_pending",
            candor,
            c -> c.storage().inTransaction(tx -> tx.outbox().countPending()))
        .description("Outbound messages waiting for delivery")
        .register(registry);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
