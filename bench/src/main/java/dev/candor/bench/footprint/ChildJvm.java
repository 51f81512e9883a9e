package dev.candor.bench.footprint;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started as a child process, timed from launch until {@code GET /healthz} on 127.0.0.1
 * answers 200, and measured by its resident memory ({@code VmRSS} in {@code /proc/<pid>/status}).
 * Output goes to a log file; {@link #close()} stops it (SIGTERM, then SIGKILL after 20 s).
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final int port;
  private final long launchedNanos;

  private ChildJvm(Process process, int port, long launchedNanos) {
    this.process = process;
    this.port = port;
    this.launchedNanos = launchedNanos;
  }

  /** The java launcher running this benchmark, so the child runs on the same JDK. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static ChildJvm launch(List<String> command, Map<String, String> env, int port, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    return new ChildJvm(pb.start(), port, t0);
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Milliseconds from launch until /healthz answered 200; fails after {@code limitSeconds}. */
  double awaitReady(int limitSeconds) throws InterruptedException {
    long deadline = launchedNanos + TimeUnit.SECONDS.toNanos(limitSeconds);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited with " + process.exitValue());
      }
      if (healthy()) {
        return (System.nanoTime() - launchedNanos) / 1e6;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("not ready within " + limitSeconds + " s");
  }

  private boolean healthy() {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/healthz").toURL().openConnection();
      c.setConnectTimeout(200);
      c.setReadTimeout(1000);
      int status = c.getResponseCode();
      c.getInputStream().readAllBytes();
      c.disconnect();
      return status == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Resident memory in MiB now, from /proc. */
  double rssMiB() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // gone, or not Linux
    }
    return Double.NaN;
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
