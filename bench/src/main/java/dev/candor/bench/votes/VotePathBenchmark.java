package dev.candor.bench.votes;

import dev.candor.bench.support.BenchDatabase;
import dev.candor.bench.support.TownHall;
import dev.candor.core.Candor;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.store.Database;
import dev.candor.core.store.jdbc.JdbiStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Votes per second through the whole core against the database's own limit, on one fresh database
 * per trial.
 *
 * <p>{@link #candor}: what a participant typed, {@code vote q7kdm}, through {@code
 * Commands.handle}: parse, the session's state and the question's release, the HMAC pseudonym, the
 * insert, the board refresh in the outbox, the tally, the vote listeners (escalation, anomaly
 * watch) and the tally-visibility role check, all in one transaction on the pool. {@link #jdbc}:
 * the same row inserted into the same {@code votes} table with plain JDBC on a connection of the
 * same pool, committed one by one: what the database can do at best for a vote.
 *
 * <p>Each invocation is a new participant. At the end of the trial the stored votes must equal the
 * invocations, else the trial fails; the count is also written to the checks folder named by the
 * system property {@value #CHECKS_PROPERTY} for the report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VotePathBenchmark {
  /** Folder where each trial writes its vote count. */
  public static final String CHECKS_PROPERTY = "candor.bench.checks";

  static final String INSERT =
      "INSERT INTO votes (question_id, pseudonym, session_id) VALUES (?, ?, ?)";
  private static final Actor ORGANIZER = Actor.of(Platform.CONSOLE, "organizer");
  private static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "C0TOWNHALL");
  private static final String PSEUDONYM_PAD = "0".repeat(43);

  /** {@code H2} or {@code POSTGRES}. */
  @Param({"H2"})
  public String db;

  private BenchDatabase database;
  private Candor candor;
  private TownHall.Scene scene;
  private DataSource pool;
  private String[] typed;
  private String[] codes;
  private String label;
  private final AtomicLong voters = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    database = BenchDatabase.open(BenchDatabase.Kind.parse(db), Database.DEFAULT_POOL_SIZE);
    pool = database.database().dataSource();
    candor =
        new Candor(
            TownHall.settings("console:organizer"),
            new JdbiStorage(database.database()),
            MasterKey.random(),
            Clock.systemUTC());
    scene =
        TownHall.open(candor, ORGANIZER, CHANNEL, i -> Actor.of(Platform.CONSOLE, "asker-" + i));
    typed = new String[scene.questions().size()];
    codes = new String[typed.length];
    for (int i = 0; i < typed.length; i++) {
      typed[i] = "vote " + scene.questions().get(i);
      codes[i] = scene.questions().get(i).code();
    }
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    label = method + "-" + db + "-" + params.getThreads();
  }

  /** One participant votes through the command language. */
  @Benchmark
  public Reply candor() {
    long n = voters.getAndIncrement();
    Actor voter = new Actor(Platform.SLACK, "T0BENCH", "U" + n);
    Reply reply =
        candor
            .commands()
            .handle(new CommandContext(voter, CHANNEL), typed[(int) (n % typed.length)]);
    if (!(reply instanceof Reply.Text)) {
      refused.incrementAndGet();
    }
    return reply;
  }

  /** One vote row inserted and committed with plain JDBC. */
  @Benchmark
  public int jdbc() throws SQLException {
    long n = voters.getAndIncrement();
    String digits = Long.toString(n);
    String pseudonym = PSEUDONYM_PAD.substring(digits.length()) + digits;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        insert.setString(1, codes[(int) (n % codes.length)]);
        insert.setString(2, pseudonym);
        insert.setLong(3, scene.session().value());
        int rows = insert.executeUpdate();
        c.commit();
        return rows;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      long sent = voters.get();
      long stored = TownHall.storedVotes(candor, scene.session());
      record(sent, stored, refused.get());
      if (stored != sent || refused.get() > 0) {
        throw new IllegalStateException(
            "LOST VOTES in "
                + label
                + ": "
                + sent
                + " distinct voters voted, "
                + refused.get()
                + " were refused, "
                + stored
                + " votes are stored");
      }
    } finally {
      candor.close();
      database.close();
    }
  }

  private void record(long sent, long stored, long refusedVotes) {
    String dir = System.getProperty(CHECKS_PROPERTY);
    if (dir == null) {
      return;
    }
    try {
      Path file = Path.of(dir).resolve(label + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          sent + " " + stored + " " + refusedVotes + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
