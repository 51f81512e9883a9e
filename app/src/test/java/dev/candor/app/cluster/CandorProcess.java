package dev.candor.app.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java dev.candor.app.CandorApp serve} as a process of its own, on this test's class path:
 * what an operator runs, with only the environment it is given, killable with {@code SIGKILL}.
 *
 * <pre>{@code
 * try (CandorProcess a = CandorProcess.serve("a", env, dir)) {
 *   ... post to http://127.0.0.1:<a.port()>/slack/events ...
 *   a.kill(); // kill -9: no shutdown hook, no release of claimed work
 * }
 * }</pre>
 */
final class CandorProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Candor is serving on port (\\d+)");
  private static final Duration START = Duration.ofSeconds(90);

  private final String name;
  private final Process process;
  private final Path output;
  private final int port;

  private CandorProcess(String name, Process process, Path output, int port) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /**
   * Starts {@code serve} with exactly {@code env} (plus PATH and HOME) in {@code dir}, on a free
   * port, and returns once it says it is serving.
   */
  static CandorProcess serve(String name, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path output = dir.resolve(name + ".out");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    // The logging Candor ships, not the logback-test.xml that the test class path also carries.
    command.add("-Dlogback.configurationFile=logback.xml");
    command.add("-cp");
    command.add(classPath());
    command.add("dev.candor.app.CandorApp");
    command.add("serve");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> environment = pb.environment();
    Map<String, String> keep = new HashMap<>();
    for (String k : List.of("PATH", "HOME", "TMPDIR", "LANG")) {
      if (environment.containsKey(k)) {
        keep.put(k, environment.get(k));
      }
    }
    environment.clear();
    environment.putAll(keep);
    environment.putAll(env);
    environment.put("CANDOR_HTTP_PORT", Integer.toString(port));
    CandorProcess started = new CandorProcess(name, pb.start(), output, port);
    started.awaitServing();
    return started;
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the process gets no chance to finish or hand anything back. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Everything the process printed so far. */
  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** A graceful stop, as {@code SIGTERM} from an orchestrator. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  @Override
  public String toString() {
    return "node " + name + " on port " + port;
  }

  private void awaitServing() throws InterruptedException {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      Matcher m = SERVING.matcher(output());
      if (m.find()) {
        if (Integer.parseInt(m.group(1)) != port) {
          fail("%s serves on port %s, not %s", name, m.group(1), port);
        }
        return;
      }
      if (!process.isAlive()) {
        fail("node %s exited with %s before serving:%n%s", name, process.exitValue(), output());
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    fail("node %s did not start within %s:%n%s", name, START, output());
  }

  /** Surefire's class path, whether it hands it over as a manifest-only jar or not. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
