package dev.candor.core.store.jdbc;

/** The few places where H2 and PostgreSQL need different SQL. */
enum Dialect {
  H2,
  POSTGRES;

  /**
   * Appended to an {@code INSERT ... WHERE NOT EXISTS} that may still race with another transaction
   * on a unique key. PostgreSQL aborts the whole transaction on a unique violation, so there the
   * loser of the race must not raise one; H2 fails only the statement, which the repositories treat
   * as "not added".
   */
  String onConflictDoNothing() {
    return this == POSTGRES ? " ON CONFLICT DO NOTHING" : "";
  }

  /**
   * Appended to {@code SELECT ... FOR UPDATE} when claiming work: on PostgreSQL concurrent workers
   * pass over each other's rows instead of queueing behind them.
   */
  String skipLocked() {
    return this == POSTGRES ? " SKIP LOCKED" : "";
  }
}
