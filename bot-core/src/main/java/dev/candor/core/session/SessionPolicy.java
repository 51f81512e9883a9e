package dev.candor.core.session;

import dev.candor.core.Checks;
import java.util.OptionalInt;

/**
 * The presentation and escalation rules of one session, kept apart from {@link SessionSettings}
 * (the intake rules) and defaulting to live tallies and no escalation.
 *
 * @param escalateAt organizers are told privately, once, when a question reaches this many votes;
 *     empty: never
 */
public record SessionPolicy(TallyPolicy tallies, OptionalInt escalateAt) {

  public SessionPolicy {
    Checks.notNull(tallies, "tallies");
    Checks.notNull(escalateAt, "escalateAt");
    Checks.check(escalateAt.orElse(1) >= 1, "escalateAt must be at least 1");
  }

  /** Live tallies, no escalation. */
  public static SessionPolicy defaults() {
    return new SessionPolicy(TallyPolicy.LIVE, OptionalInt.empty());
  }

  public SessionPolicy withTallies(TallyPolicy policy) {
    return new SessionPolicy(policy, escalateAt);
  }

  public SessionPolicy withEscalateAt(OptionalInt votes) {
    return new SessionPolicy(tallies, votes);
  }
}
