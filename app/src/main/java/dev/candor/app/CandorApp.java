package dev.candor.app;

import dev.candor.adapters.console.ConsoleChat;
import dev.candor.adapters.console.ConsoleMessenger;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigException;
import dev.candor.app.config.ConfigLoader;
import dev.candor.app.demo.Demo;
import dev.candor.core.CandorSettings;
import dev.candor.core.identity.Organizers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar candor.jar [serve|console|demo] [--config candor.yml]}. */
@Command(
    name = "candor",
    mixinStandardHelpOptions = true,
    version = "Candor 0.1.0",
    description = "Anonymous listening sessions for Slack and Microsoft Teams.",
    subcommands = {CandorApp.Serve.class, CandorApp.Console.class, CandorApp.DemoCommand.class})
public final class CandorApp implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(CandorApp.class);

  @Option(
      names = "--config",
      description =
          "Path to candor.yml (default: ./candor.yml if present, else built-in defaults).",
      scope = CommandLine.ScopeType.INHERIT)
  Path config;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    Optional<String> logProblem = LogFormat.apply(System.getenv());
    if (logProblem.isPresent()) {
      System.err.println(logProblem.get());
      return 2;
    }
    return new CommandLine(new CandorApp())
        .setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd.getErr()))
        .execute(args);
  }

  /**
   * Reports why a command failed: a configuration problem as its message alone (exit 2), anything
   * else logged with its cause (exit 1).
   */
  static int failed(Exception e, PrintWriter err) {
    if (e instanceof ConfigException) {
      err.println(e.getMessage());
      return 2;
    }
    log.error("Candor stopped: {}", e.toString(), e);
    err.println("Candor stopped: " + e.getMessage());
    return 1;
  }

  /** No subcommand: serve. */
  @Override
  public Integer call() throws Exception {
    Serve serve = new Serve();
    serve.parent = this;
    return serve.call();
  }

  CandorConfig loadConfig() {
    return ConfigLoader.load(
        Optional.ofNullable(config), System.getenv(), Path.of("").toAbsolutePath());
  }

  /** The HTTP server plus every platform adapter whose credentials are configured. */
  @Command(
      name = "serve",
      description = "Run the HTTP server and the configured platform adapters (default).")
  static final class Serve implements Callable<Integer> {
    @CommandLine.ParentCommand CandorApp parent;

    @Override
    public Integer call() throws Exception {
      CandorConfig config = parent.loadConfig();
      CountDownLatch stop = new CountDownLatch(1);
      CountDownLatch stopped = new CountDownLatch(1);
      try {
        serve(config, stop, stopped);
        System.out.println("Candor stopped.");
      } finally {
        stopped.countDown();
      }
      return 0;
    }

    private static void serve(CandorConfig config, CountDownLatch stop, CountDownLatch stopped)
        throws Exception {
      try (Serving serving = Serving.start(config, System.getenv(), Clock.systemUTC())) {
        if (serving.platforms().isEmpty()) {
          System.out.println(
              "No chat platform is configured. Set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket"
                  + " Mode) or SLACK_SIGNING_SECRET (HTTP mode) for Slack, or MICROSOFT_APP_ID and"
                  + " MICROSOFT_APP_PASSWORD for Teams; see README.md. Until then, try: java -jar"
                  + " app/target/candor.jar console");
        }
        System.out.println(
            "Candor is serving on port "
                + serving.port()
                + " (GET /healthz) with "
                + serving.platforms()
                + ".");
        // The JVM halts as soon as its shutdown hooks return: this one holds it until Serving has
        // stopped in order (in-flight requests and deliveries finished, database closed).
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stop.countDown();
                      awaitQuietly(stopped, SHUTDOWN_BOUND);
                    },
                    "candor-shutdown"));
        stop.await();
      }
    }
  }

  /** The longest the shutdown hook waits for {@link Serving#close()}. */
  static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(60);

  private static void awaitQuietly(CountDownLatch latch, Duration bound) {
    try {
      latch.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A terminal chat on the configured database. */
  @Command(
      name = "console",
      description = "Chat with Candor in the terminal; 'as alice: ask …' acts as alice.")
  static final class Console implements Callable<Integer> {
    @CommandLine.ParentCommand CandorApp parent;

    @Option(
        names = "--as",
        description = "Who you are at first (default: host).",
        defaultValue = "host")
    String startAs;

    @Override
    public Integer call() throws Exception {
      CandorConfig config = parent.loadConfig();
      CandorSettings settings = config.toSettings();
      if (settings.organizers().isEmpty()) {
        // In the terminal the person at the keyboard runs the show unless configuration says who.
        settings = settings.withOrganizers(Organizers.parse("console:" + startAs));
      }
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      try (CandorRuntime runtime = CandorRuntime.open(config, settings, Clock.systemUTC())) {
        runtime.register(new ConsoleMessenger(out)).start();
        new ConsoleChat(runtime.candor().commands(), out, startAs)
            .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      }
      return 0;
    }
  }

  /** The whole story in under a minute. */
  @Command(
      name = "demo",
      description = "Run a complete listening session with 60 simulated staff in under a minute.")
  static final class DemoCommand implements Callable<Integer> {
    @CommandLine.ParentCommand CandorApp parent;

    @Override
    public Integer call() throws Exception {
      CandorConfig config = parent.loadConfig();
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      return new Demo(config, out).run();
    }
  }
}
