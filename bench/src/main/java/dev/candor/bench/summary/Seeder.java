package dev.candor.bench.summary;

import dev.candor.bench.support.QuestionTexts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fills one session with a big town hall by raw JDBC batches, following the schema of {@code
 * db/migration/V1__core.sql}: released questions with author pseudonyms, and votes spread like real
 * interest (a few questions draw thousands, most draw a handful), at most one per voter and
 * question.
 */
final class Seeder {
  /** The alphabet of question ids (see {@code QuestionId}). */
  private static final String ALPHABET = "23456789abcdefghjkmnprstuvwxyz";

  private static final int BATCH = 5_000;

  private Seeder() {}

  /** Question id number {@code i}, 4 characters of the id alphabet. */
  static String code(int i) {
    char[] c = new char[4];
    int n = i;
    for (int k = 3; k >= 0; k--) {
      c[k] = ALPHABET.charAt(n % ALPHABET.length());
      n /= ALPHABET.length();
    }
    return new String(c);
  }

  /** A 43-character pseudonym, the length of Candor's base64url HMAC-SHA256. */
  static String pseudonym(String kind, int n) {
    String digits = kind + n;
    return "0".repeat(43 - digits.length()) + digits;
  }

  /**
   * How many votes each of {@code questions} gets so that they add up to {@code votes}, at most
   * {@code voters} each: a Zipf-like curve, steepest at the top.
   */
  static int[] spread(int questions, long votes, int voters) {
    double lo = 0;
    double hi = votes;
    int[] counts = new int[questions];
    for (int round = 0; round < 100; round++) {
      double a = (lo + hi) / 2;
      long sum = fill(counts, a, voters);
      if (sum == votes) {
        break;
      }
      if (sum < votes) {
        lo = a;
      } else {
        hi = a;
      }
    }
    long sum = fill(counts, (lo + hi) / 2, voters);
    // Rounding leaves a few votes over or under: settle them on the long tail.
    for (int i = questions - 1; sum != votes; i = i == 0 ? questions - 1 : i - 1) {
      int step = sum < votes ? 1 : -1;
      if (counts[i] + step >= 0 && counts[i] + step <= voters) {
        counts[i] += step;
        sum += step;
      }
    }
    return counts;
  }

  private static long fill(int[] counts, double a, int voters) {
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = (int) Math.min(voters, Math.round(a / Math.pow(i + 1, 0.8)));
      sum += counts[i];
    }
    return sum;
  }

  /** Inserts {@code texts} as released questions of {@code session}; returns their ids. */
  static List<String> questions(DataSource pool, long session, List<String> texts)
      throws SQLException {
    List<String> ids = new ArrayList<>(texts.size());
    Timestamp released = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    try (Connection c = pool.getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO questions (id, session_id, text, status, author_pseudonym, approved,"
                    + " released_at, release_seq, archived_votes)"
                    + " VALUES (?, ?, ?, 'PUBLISHED', ?, TRUE, ?, ?, 0)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < texts.size(); i++) {
        String id = code(i);
        ids.add(id);
        st.setString(1, id);
        st.setLong(2, session);
        st.setString(3, texts.get(i));
        st.setString(4, pseudonym("asker", i % 5_000));
        st.setTimestamp(5, released);
        st.setLong(6, i + 1L);
        st.addBatch();
        if ((i + 1) % BATCH == 0) {
          st.executeBatch();
          c.commit();
        }
      }
      st.executeBatch();
      c.commit();
    }
    return ids;
  }

  /**
   * Inserts {@code counts[i]} votes on question {@code ids[i]} for {@code session}, each from
   * another of {@code voters} people ({@link #pseudonym} {@code ("voter", n)}); returns the number
   * of rows inserted. The rows are generated inside the database from a small table of counts (a
   * million single-row inserts over JDBC take minutes), in chunks of questions, each committed.
   */
  static long votes(
      DataSource pool, boolean postgres, long session, List<String> ids, int[] counts, int voters)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE bench_spread (ord INTEGER PRIMARY KEY, question_id VARCHAR(8),"
                + " cnt INTEGER, off INTEGER)");
      }
      try (PreparedStatement st =
          c.prepareStatement("INSERT INTO bench_spread VALUES (?, ?, ?, ?)")) {
        for (int q = 0; q < ids.size(); q++) {
          st.setInt(1, q);
          st.setString(2, ids.get(q));
          st.setInt(3, counts[q]);
          st.setInt(4, (int) ((q * 7_919L) % voters));
          st.addBatch();
        }
        st.executeBatch();
      }
      c.commit();
      if (!postgres) {
        // H2 keeps a 16 MB page cache: a million random inserts into the secondary index thrash
        // it. Built once afterwards, the index is the same as the migration's.
        try (Statement st = c.createStatement()) {
          st.execute("DROP INDEX votes_by_session");
          st.execute("SET REFERENTIAL_INTEGRITY FALSE");
        }
        c.commit();
      }
      long rows = 0;
      // Chunks of questions, each joined with a number range as long as its largest count only.
      int chunk = 100;
      for (int from = 0; from < ids.size(); from += chunk) {
        int to = Math.min(ids.size(), from + chunk);
        int most = 0;
        for (int q = from; q < to; q++) {
          most = Math.max(most, counts[q]);
        }
        if (most == 0) {
          continue;
        }
        String range =
            postgres
                ? "generate_series(0, " + (most - 1) + ") AS r(x)"
                : "SYSTEM_RANGE(0, " + (most - 1) + ") r";
        try (PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO votes (question_id, pseudonym, session_id)"
                    + " SELECT s.question_id, LPAD('voter' || MOD(s.off + r.x, "
                    + voters
                    + "), 43, '0'), ? FROM bench_spread s JOIN "
                    + range
                    + " ON r.x < s.cnt WHERE s.ord >= ? AND s.ord < ?")) {
          st.setLong(1, session);
          st.setInt(2, from);
          st.setInt(3, to);
          rows += st.executeUpdate();
        }
        c.commit();
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE bench_spread");
        if (!postgres) {
          st.execute("SET REFERENTIAL_INTEGRITY TRUE");
          st.execute("CREATE INDEX votes_by_session ON votes (session_id, pseudonym)");
        }
      }
      c.commit();
      return rows;
    }
  }

  /** {@code topics × variants} question texts with real near-duplicates. */
  static List<String> texts(int questions) {
    int variants = 5;
    return QuestionTexts.crowd(questions / variants, variants, 42);
  }
}
