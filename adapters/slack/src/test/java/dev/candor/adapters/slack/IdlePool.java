package dev.candor.adapters.slack;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The adapter's background pool for tests that must know when the work done after acknowledging
 * (votes, private answers, App Home updates) has finished: a task counts from the moment it is
 * handed in until it has run, so work that starts more work keeps the pool busy throughout.
 */
final class IdlePool extends ThreadPoolExecutor {
  private final Object lock = new Object();
  private int inFlight;

  IdlePool(int threads) {
    super(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "candor-slack-test");
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public void execute(Runnable task) {
    synchronized (lock) {
      inFlight++;
    }
    try {
      super.execute(task);
    } catch (RejectedExecutionException e) {
      done();
      throw e;
    }
  }

  @Override
  protected void afterExecute(Runnable task, Throwable failure) {
    super.afterExecute(task, failure);
    done();
  }

  /** Waits until every task handed in so far, and every task those handed in, has run. */
  void awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(inFlight + " background tasks still running after " + timeout);
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
  }

  private void done() {
    synchronized (lock) {
      inFlight--;
      if (inFlight == 0) {
        lock.notifyAll();
      }
    }
  }
}
