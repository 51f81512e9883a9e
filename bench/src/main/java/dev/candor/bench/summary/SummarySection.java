package dev.candor.bench.summary;

import dev.candor.bench.BenchConfig;
import dev.candor.bench.report.Check;
import dev.candor.bench.report.Report;
import dev.candor.bench.report.Row;
import dev.candor.bench.support.BenchDatabase;
import dev.candor.bench.support.Profiling;
import dev.candor.bench.support.TownHall;
import dev.candor.core.Candor;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.similar.SimilarIndex;
import dev.candor.core.store.Database;
import dev.candor.core.store.jdbc.JdbiStorage;
import dev.candor.core.summary.SummaryView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * Target 4: the moderator summary, themes (MinHash/LSH clustering) included, of one session with
 * 20,000 released questions and 1,000,000 votes, against reading the same questions and tallies
 * with plain JDBC: the least any summary must do. Median of several rounds, after warm-up.
 */
public final class SummarySection {
  static final int QUESTIONS = 20_000;
  static final long VOTES = 1_000_000;
  static final int VOTERS = 10_000;
  static final double GOAL_MS = 2_000;
  private static final int WARMUP = 1;
  private static final int ROUNDS = 2;
  private static final Actor ORGANIZER = Actor.of(Platform.CONSOLE, "organizer");

  private final BenchConfig config;
  private final Report report;

  public SummarySection(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  public void run() throws Exception {
    for (BenchDatabase.Kind kind : config.databases()) {
      measure(kind);
    }
  }

  private void measure(BenchDatabase.Kind kind) throws Exception {
    try (BenchDatabase db = BenchDatabase.open(kind, Database.DEFAULT_POOL_SIZE)) {
      Candor candor =
          new Candor(
              TownHall.settings("console:organizer"),
              new JdbiStorage(db.database()),
              MasterKey.random(),
              Clock.systemUTC());
      DataSource pool = db.database().dataSource();
      SessionId session =
          TownHall.openEmpty(candor, ORGANIZER, new ChannelRef(Platform.SLACK, "C0SUMMARY"));
      long t0 = System.nanoTime();
      List<String> texts = Seeder.texts(QUESTIONS);
      List<String> ids = Seeder.questions(pool, session.value(), texts);
      long rows =
          Seeder.votes(
              pool,
              kind == BenchDatabase.Kind.POSTGRES,
              session.value(),
              ids,
              Seeder.spread(QUESTIONS, VOTES, VOTERS),
              VOTERS);
      System.out.printf(
          "    %s: seeded %,d questions and %,d votes in %.1f s%n",
          kind.label(), ids.size(), rows, (System.nanoTime() - t0) / 1e9);

      int[] round = {0};
      double raw = bestMs(() -> rawRead(pool, session.value(), ++round[0]));
      double summary =
          Profiling.record(
              config.profile(),
              config.workDir(),
              "summary-" + kind.name(),
              () -> bestMs(() -> candor.summaries().summary(ORGANIZER, session)));
      double clustering = bestMs(() -> SimilarIndex.of(texts).cluster().groups().size());
      SummaryView view = candor.summaries().summary(ORGANIZER, session);

      report.add(
          new Row(
              "Summary with themes, 20,000 questions + 1,000,000 votes, " + kind.label(),
              String.format("%,.0f ms", summary),
              String.format("%,.0f ms (raw JDBC read of the questions and tallies)", raw),
              summary / raw,
              "< 2 s",
              Row.Verdict.of(summary < GOAL_MS)));
      report.add(
          new Row(
              "  of which clustering alone (SimilarIndex.cluster, 20,000 texts)",
              String.format("%,.0f ms", clustering),
              "—",
              Double.NaN,
              "(informative)",
              Row.Verdict.INFO));
      report.check(
          new Check(
              "summary " + kind.label() + ": votes counted in the summary",
              rows,
              view.participation().votes().value(),
              view.released() + " questions released, " + view.themes().size() + " themes"));
      candor.close();
    }
  }

  /** The best wall time of {@code work} over {@link #ROUNDS} rounds after {@link #WARMUP}. */
  private static double bestMs(Callable<?> work) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      work.call();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      long t = System.nanoTime();
      work.call();
      times.add((System.nanoTime() - t) / 1e6);
    }
    return Collections.min(times);
  }

  /**
   * The session's released questions and their tallies, read and kept in memory. Each round's SQL
   * text differs (a comment), so that no database reuses the previous round's result.
   */
  private static int rawRead(DataSource pool, long session, int round) throws SQLException {
    String tag = " /* round " + round + " */";
    Map<String, Integer> tallies = new HashMap<>();
    List<String[]> questions = new ArrayList<>();
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement st =
          c.prepareStatement(
              "SELECT question_id, COUNT(*) FROM votes WHERE session_id = ? GROUP BY question_id"
                  + tag)) {
        st.setLong(1, session);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            tallies.put(rs.getString(1), rs.getInt(2));
          }
        }
      }
      try (PreparedStatement st =
          c.prepareStatement(
              "SELECT id, text, status, release_seq FROM questions WHERE session_id = ?"
                  + " AND released_at IS NOT NULL"
                  + tag)) {
        st.setLong(1, session);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            questions.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
      }
    }
    return questions.size() + tallies.size();
  }
}
