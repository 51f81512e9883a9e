package dev.candor.bench.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The database's own limit for votes, measured outside JMH where a load run needs it on the very
 * pool Candor uses: single-row inserts into {@code votes}, each committed, from several threads for
 * a fixed time. The rows go to a session id no real session has, so Candor's tallies of its own
 * session are not touched.
 */
public final class RawInserts {
  /** The session id raw rows are filed under. */
  public static final long NO_SESSION = -42;

  private RawInserts() {}

  /** Inserts per second over {@code seconds}, with {@code threads} threads on {@code pool}. */
  public static double rate(
      DataSource pool, List<String> questionCodes, int threads, double seconds)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicReference<SQLException> failure = new AtomicReference<>();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < deadline && failure.get() == null) {
                    long n = next.getAndIncrement();
                    insert(pool, questionCodes.get((int) (n % questionCodes.size())), "raw-" + n);
                  }
                } catch (SQLException e) {
                  failure.set(e);
                } finally {
                  done.countDown();
                }
              },
              "raw-insert-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
    if (failure.get() != null) {
      throw new IllegalStateException("raw insert failed", failure.get());
    }
    return next.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void insert(DataSource pool, String question, String pseudonym)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement st =
          c.prepareStatement(
              "INSERT INTO votes (question_id, pseudonym, session_id) VALUES (?, ?, ?)")) {
        st.setString(1, question);
        st.setString(2, pseudonym);
        st.setLong(3, NO_SESSION);
        st.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
