package dev.candor.core.store;

import java.util.function.Function;

/**
 * The storage boundary. Every change the core makes happens inside one transaction, so a decision
 * and its consequences (a question and its release, a reminder and its outbox row) commit or fail
 * together.
 */
public interface Storage {
  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  <T> T inTransaction(Function<Tx, T> work);

  /** Runs {@code work} in one transaction and returns nothing. */
  default void run(java.util.function.Consumer<Tx> work) {
    inTransaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }
}
