package dev.candor.core;

import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.identity.Platform;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what this core did since it was built, for the operator's metrics: questions
 * asked and votes cast per platform, and delivery outcomes per platform and notice kind. The app
 * exports them (Prometheus counters); the core depends on no metrics library.
 *
 * <p>Only the platform and the kind of notice are ever counted by: never a participant, session,
 * question or text, so no export of these numbers can name anyone. Counted after the work
 * committed, so a refused ask or vote counts nothing. Thread-safe.
 */
public final class Counters {

  /** What became of one delivery attempt. */
  public enum Outcome {
    /** Sent to the platform. */
    SENT,
    /** Failed for now and scheduled again. */
    RETRIED,
    /** Failed for good: permanent, or out of attempts; the moderators are told. */
    FAILED
  }

  private static final int PLATFORMS = Platform.values().length;
  private static final int KINDS = NoticeKind.values().length;

  private final LongAdder[] asked = adders(PLATFORMS);
  private final LongAdder[] voted = adders(PLATFORMS);
  private final LongAdder[] deliveries = adders(Outcome.values().length * PLATFORMS * KINDS);

  /** One question asked (and stored) on {@code platform}. */
  public void recordAsk(Platform platform) {
    asked[platform.ordinal()].increment();
  }

  /** One vote cast (and stored) on {@code platform}. */
  public void recordVote(Platform platform) {
    voted[platform.ordinal()].increment();
  }

  /** One delivery attempt of a {@code kind} notice to {@code platform} and how it ended. */
  public void recordDelivery(Platform platform, NoticeKind kind, Outcome outcome) {
    deliveries[index(platform, kind, outcome)].increment();
  }

  public long questionsAsked(Platform platform) {
    return asked[platform.ordinal()].sum();
  }

  public long votesCast(Platform platform) {
    return voted[platform.ordinal()].sum();
  }

  public long deliveries(Platform platform, NoticeKind kind, Outcome outcome) {
    return deliveries[index(platform, kind, outcome)].sum();
  }

  private static int index(Platform platform, NoticeKind kind, Outcome outcome) {
    return (outcome.ordinal() * PLATFORMS + platform.ordinal()) * KINDS + kind.ordinal();
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] out = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      out[i] = new LongAdder();
    }
    return out;
  }
}
