package dev.candor.app.demo;

import dev.candor.adapters.console.ConsoleChat;
import dev.candor.adapters.console.ConsoleMessenger;
import dev.candor.app.CandorRuntime;
import dev.candor.app.config.CandorConfig;
import dev.candor.core.Candor;
import dev.candor.core.CandorSettings;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Organizers;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The whole story in under a minute, on the embedded database: an organizer schedules a session 15
 * seconds ahead, 60 simulated staff ask and vote through the same core calls the adapters use,
 * reminders go out, the session opens and closes on schedule, the moderator gets the summary, and
 * the session is archived with its key shredded.
 */
public final class Demo {
  static final int STAFF = 60;

  private final CandorConfig config;
  private final PrintStream out;
  private final Random random = new Random(7);

  public Demo(CandorConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the story; returns the exit code (0 when every step happened as it should). */
  public int run() throws Exception {
    Path dir = config.dataDir().resolve("demo");
    wipe(dir);
    CandorConfig demo =
        new CandorConfig(
            config.http(),
            dir,
            new CandorConfig.Database("", "", Optional.empty(), 5),
            "console:organizer",
            config.timeZone(),
            config.sessions(),
            config.board(),
            config.scheduler(),
            Optional.empty(),
            config.slack(),
            config.teams());
    try (CandorRuntime runtime = CandorRuntime.open(demo, settings(), Clock.systemUTC())) {
      runtime.register(new ConsoleMessenger(out)).start();
      return story(runtime.candor()) ? 0 : 1;
    }
  }

  /** Demo timing: seconds instead of hours, k = 5, batches every 4 s. */
  static CandorSettings settings() {
    CandorSettings base = CandorSettings.defaults();
    return base.withOrganizers(Organizers.parse("console:organizer"))
        .withSessionDefaults(
            base.sessionDefaults()
                .withMinAskers(5)
                .withReleaseInterval(Duration.ofSeconds(4))
                .withLimits(10, Duration.ZERO)
                .withReminderOffsets(List.of(Duration.ofSeconds(10), Duration.ofSeconds(5))))
        .withTiming(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofSeconds(1));
  }

  private boolean story(Candor candor) throws InterruptedException {
    Instant t0 = Instant.now();
    say("An organizer schedules a listening session starting in 15 seconds.");
    // The schedule dialog's call: the text command would refuse a session this short.
    ListeningSession created =
        candor
            .sessions()
            .schedule(
                Actor.of(Platform.CONSOLE, "organizer"),
                new NewSession(
                    "Return-to-office policy: open Q&A",
                    t0.plusSeconds(15),
                    t0.plusSeconds(31),
                    config.timeZone(),
                    List.of(ConsoleChat.CHANNEL),
                    List.of(new UserRef(Platform.CONSOLE, "moderator")),
                    candor.settings().sessionDefaults()));
    out.println("  Scheduled " + PlainText.session(SessionView.of(created)));
    SessionId id = created.id();

    say("Staff ask anonymously. Nothing is shown until 5 different people have asked.");
    List<String> bank = QuestionBank.QUESTIONS;
    for (int i = 0; i < bank.size(); i++) {
      Reply r = as(candor, staff(1 + i * 7 % STAFF), "ask " + id + " " + bank.get(i));
      if (i < 2 || i == 4) {
        out.println(
            "  staff-"
                + (1 + i * 7 % STAFF)
                + " is told privately: "
                + PlainText.render(r).lines().skip(1).findFirst().orElse(""));
      }
    }
    say(
        bank.size()
            + " questions from "
            + bank.size()
            + " people; released in shuffled batches"
            + " every 4 seconds, so their timing points to nobody.");
    if (!waitUntil(() -> board(candor, id).entries().size() >= bank.size(), 15)) {
      return fail("the questions were not released");
    }

    say(STAFF + " colleagues upvote what they most want answered.");
    vote(candor, id, 1, STAFF / 2);
    if (!waitUntil(() -> state(candor, id) == SessionState.OPEN, 30)) {
      return fail("the session did not open on schedule");
    }

    say("Live now. More votes; the moderator answers, hides and merges.");
    vote(candor, id, STAFF / 2 + 1, STAFF);
    moderate(candor, id);
    if (!waitUntil(() -> state(candor, id) == SessionState.CLOSED, 30)
        || !waitUntil(() -> pendingOutbox(candor) == 0, 15)) {
      return fail("the session did not close, or its messages were not delivered");
    }

    say("Closed on schedule; the summary above went to the moderator by direct message.");
    out.println("  " + PlainText.render(as(candor, "organizer", "archive " + id)));
    boolean shredded = candor.storage().inTransaction(tx -> !candor.keys().exists(tx, id));
    say(
        "Session key "
            + (shredded ? "shredded" : "STILL PRESENT")
            + ". From now on nobody,"
            + " operators included, can link a question or a vote to a person.");
    say("Done in " + Duration.between(t0, Instant.now()).toSeconds() + " s.");
    return shredded;
  }

  private void vote(Candor candor, SessionId id, int from, int to) {
    List<BoardEntry> entries = board(candor, id).entries();
    // Interest is uneven, as in a real room: a few questions draw most votes.
    List<BoardEntry> byAppeal = new ArrayList<>(entries);
    byAppeal.sort(Comparator.comparing(e -> QuestionBank.appeal(e.text())));
    for (int n = from; n <= to; n++) {
      for (BoardEntry e : byAppeal) {
        double p = 0.75 / (1 + byAppeal.indexOf(e) * 0.45);
        if (random.nextDouble() < p) {
          as(candor, staff(n), "vote " + e.id());
        }
      }
    }
  }

  private void moderate(Candor candor, SessionId id) {
    List<BoardEntry> top = board(candor, id).entries();
    BoardEntry first = top.get(0);
    print(
        as(
            candor,
            "moderator",
            "answer "
                + first.id()
                + " The director will answer this live in the first ten minutes."));
    BoardEntry offTopic = find(top, "parking").orElse(top.get(top.size() - 1));
    print(as(candor, "moderator", "hide " + offTopic.id() + " off-topic: facilities question"));
    Optional<BoardEntry> a = find(top, "part-time staff");
    Optional<BoardEntry> b = find(top, "part-timers");
    if (a.isPresent() && b.isPresent()) {
      print(as(candor, "moderator", "merge " + b.get().id() + " into " + a.get().id()));
    }
  }

  private static Optional<BoardEntry> find(List<BoardEntry> entries, String word) {
    return entries.stream().filter(e -> e.text().contains(word)).findFirst();
  }

  private Reply as(Candor candor, String who, String command) {
    return candor
        .commands()
        .handle(new CommandContext(Actor.of(Platform.CONSOLE, who), ConsoleChat.CHANNEL), command);
  }

  private static String staff(int n) {
    return String.format("staff-%02d", n);
  }

  private static BoardView board(Candor candor, SessionId id) {
    return candor
        .storage()
        .inTransaction(tx -> candor.boards().board(tx, candor.sessions().get(tx, id)));
  }

  private static SessionState state(Candor candor, SessionId id) {
    return candor.sessions().get(id).state();
  }

  private static int pendingOutbox(Candor candor) {
    return candor.storage().inTransaction(tx -> tx.outbox().countPending());
  }

  private boolean waitUntil(BooleanSupplier done, int seconds) throws InterruptedException {
    Instant limit = Instant.now().plusSeconds(seconds);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(limit)) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  private void print(Reply reply) {
    out.println("  moderator: " + PlainText.render(reply));
  }

  private void say(String line) {
    out.println();
    out.println("▶ " + line);
  }

  private boolean fail(String what) {
    out.println("✗ Demo failed: " + what + ".");
    return false;
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
