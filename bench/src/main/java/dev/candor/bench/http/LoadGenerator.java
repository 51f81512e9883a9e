package dev.candor.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop load on a loopback port: {@code clients} connections, each sending its next request
 * as soon as the previous one is answered. Bounded twice: every request is sent at most once, and
 * nothing is sent after the time limit. The time of each request is from writing its first byte to
 * reading its last, i.e. the time to the acknowledgement.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  /** What a run achieved. */
  public record Result(
      int sent, int ok, int failed, double seconds, long[] latencyNanos, int[] statuses) {

    /** Answered requests (any status) per second. */
    public double throughput() {
      return (ok + failed) / seconds;
    }

    /** A latency percentile in milliseconds, over the answered requests. */
    public double percentileMs(double p) {
      long[] answered = Arrays.stream(latencyNanos).filter(n -> n > 0).sorted().toArray();
      if (answered.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * answered.length) - 1;
      return answered[Math.max(0, Math.min(i, answered.length - 1))] / 1e6;
    }

    /** This run and {@code other} as one: counts and times added, latencies pooled. */
    public Result plus(Result other) {
      long[] lat = Arrays.copyOf(latencyNanos, latencyNanos.length + other.latencyNanos.length);
      System.arraycopy(other.latencyNanos, 0, lat, latencyNanos.length, other.latencyNanos.length);
      int[] st = Arrays.copyOf(statuses, statuses.length + other.statuses.length);
      System.arraycopy(other.statuses, 0, st, statuses.length, other.statuses.length);
      return new Result(
          sent + other.sent,
          ok + other.ok,
          failed + other.failed,
          seconds + other.seconds,
          lat,
          st);
    }

    /** Nothing sent yet, for adding runs up. */
    public static Result empty() {
      return new Result(0, 0, 0, 0, new long[0], new int[0]);
    }

    /** Whether request {@code i} was answered with a 2xx status. */
    public boolean accepted(int i) {
      return statuses[i] >= 200 && statuses[i] < 300;
    }
  }

  /** The bytes of a POST to 127.0.0.1:{@code port}. */
  public static byte[] post(int port, String path, Map<String, String> headers, String body) {
    return Http1.post(port, path, headers, body);
  }

  /**
   * Sends {@code count} requests, {@code request.apply(i)} for i = 0.., over {@code clients}
   * connections to 127.0.0.1:{@code port}, stopping early at {@code limit}.
   */
  public static Result run(
      int port, int count, IntFunction<byte[]> request, int clients, Duration limit)
      throws InterruptedException {
    List<byte[]> prepared = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      prepared.add(request.apply(i));
    }
    long[] latency = new long[count];
    int[] status = new int[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long deadline = System.nanoTime() + limit.toNanos();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                try (Http1 connection = new Http1(port)) {
                  for (int i = next.getAndIncrement();
                      i < count && System.nanoTime() < deadline;
                      i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                      status[i] = connection.send(prepared.get(i));
                      latency[i] = Math.max(1, System.nanoTime() - t0);
                    } catch (IOException | RuntimeException e) {
                      status[i] = -1;
                      failed.incrementAndGet();
                      connection.close();
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "bench-client-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    int ok = 0;
    int notOk = 0;
    for (int i = 0; i < count; i++) {
      if (status[i] >= 200 && status[i] < 300) {
        ok++;
      } else if (status[i] != 0) {
        notOk++;
      }
    }
    return new Result(ok + notOk, ok, notOk, seconds, latency, status);
  }
}
