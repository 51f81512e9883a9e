package dev.candor.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.TestCandor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The insider's view, on H2 and on PostgreSQL: after a session with a hundred participants on Slack
 * and Teams, run entirely through text commands ({@link InsiderScenario}), someone who can read the
 * whole database, every log line at DEBUG, every message the bot sent and every reply it gave finds
 * no participant's user id or tenant id, no unkeyed hash of them, and no pseudonym outside the
 * database. After archive, no key left anywhere in the database (nor the master key, nor a guess)
 * turns a participant's id into any pseudonym the session ever stored. One test per database runs
 * both phases on one scenario, which is the expensive part.
 *
 * <p>Metrics are not covered here: bot-core has no metrics registry; the app module's {@code
 * /metrics} test checks that no identity appears in labels.
 */
class InsiderAnonymityTest {

  /** Where the scenario's database lives. */
  enum Backend {
    H2,
    POSTGRESQL
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void givenHundredParticipants_thenNoIdentityAnywhereAndAfterArchiveNoKeyRecomputesAPseudonym(
      Backend backend) throws GeneralSecurityException {
    byte[] masterBytes = new byte[32];
    new SecureRandom().nextBytes(masterBytes);
    MasterKey master = MasterKey.fromBase64(Base64.getEncoder().encodeToString(masterBytes));
    try (LogCapture logs = LogCapture.rootAtDebug();
        TestCandor t = fixture(backend, master)) {
      InsiderScenario run = new InsiderScenario(t).runToClose();

      assertNoIdentityAnywhere(backend, t, run, logs);
      assertArchiveMakesThePseudonymsUnrecomputable(t, run, master, masterBytes);
      assertNoIdentity("the database after archive", t.dumpAllTables());
      assertNoIdentity("the logs after archive", logs.lines());
    }
  }

  /**
   * The database, every log line, every message and every reply: no participant's id, tenant or
   * unkeyed hash of them, and no pseudonym outside the database (a pseudonym in a timestamped log
   * line would tie a stored vote to a moment).
   */
  private static void assertNoIdentityAnywhere(
      Backend backend, TestCandor t, InsiderScenario run, LogCapture logs) {
    List<String> dump = t.dumpAllTables();
    List<String> log = logs.lines();
    List<String> sent = run.delivered();
    String everything = String.join("\n", dump) + String.join("\n", log);

    // Positive controls: the searches below look at real, non-empty material.
    assertThat(t.tableNames())
        .map(name -> name.toLowerCase(Locale.ROOT))
        .contains("sessions", "questions", "votes", "session_keys", "outbox");
    assertThat(everything).contains(run.firstQuestionText()).contains(InsiderScenario.MOD_ID);
    assertThat(t.count("votes")).isGreaterThan(300);
    assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.DEBUG);
    assertThat(sent).anyMatch(m -> m.contains("Summary of " + run.main()));
    assertThat(run.pseudonyms(run.main())).hasSizeGreaterThan(InsiderScenario.ASKERS);

    assertNoIdentity("the database (" + backend + ")", dump);
    assertNoIdentity("the logs", log);
    assertNoIdentity("delivered messages", sent);
    assertNoIdentity("replies", run.replies());

    Set<String> pseudonyms = new LinkedHashSet<>(run.pseudonyms(run.main()));
    pseudonyms.addAll(run.pseudonyms(run.other()));
    for (Map.Entry<String, List<String>> outside :
        Map.of("logs", log, "messages", sent, "replies", run.replies()).entrySet()) {
      String text = String.join("\n", outside.getValue());
      assertThat(pseudonyms).as("pseudonyms in the %s", outside.getKey()).noneMatch(text::contains);
    }
  }

  /**
   * Before archive the insider's attack works (the stored key and the ids give every pseudonym);
   * after it the key row is gone, no pseudonym is left, and no key left anywhere in the database,
   * nor the master key, nor a guess, turns any participant into a pseudonym the session stored.
   */
  private static void assertArchiveMakesThePseudonymsUnrecomputable(
      TestCandor t, InsiderScenario run, MasterKey master, byte[] masterBytes)
      throws GeneralSecurityException {
    SessionId main = run.main();
    Set<String> observed = run.pseudonyms(main);
    byte[] keyBefore = master.unwrap(wrappedKey(t, main));
    Set<String> recomputed = new LinkedHashSet<>();
    for (Actor p : InsiderScenario.participants()) {
      recomputed.add(hmac(keyBefore, p));
    }
    assertThat(observed).hasSizeGreaterThan(InsiderScenario.ASKERS).isSubsetOf(recomputed);
    assertThat(t.recompute(main, InsiderScenario.participant(1)).orElseThrow().value())
        .isEqualTo(hmac(keyBefore, InsiderScenario.participant(1)));

    Reply archived = run.say(t.organizer(), "archive " + main);

    assertThat(archived).as(PlainText.render(archived)).isInstanceOf(Reply.Text.class);
    assertThat(t.countWhere("SELECT COUNT(*) FROM session_keys WHERE session_id = ?", main.value()))
        .isZero();
    assertThat(t.keyExists(main)).isFalse();
    for (Actor p : InsiderScenario.participants()) {
      assertThat(t.recompute(main, p)).isEmpty();
    }
    assertThat(run.pseudonyms(main)).isEmpty();
    assertThat(
            t.countWhere(
                "SELECT COUNT(*) FROM questions WHERE session_id = ?"
                    + " AND author_pseudonym IS NOT NULL",
                main.value()))
        .isZero();
    String dump = String.join("\n", t.dumpAllTables());
    assertThat(observed).noneMatch(dump::contains);

    List<byte[]> keys = keysAnInsiderCanFind(t, master);
    byte[] otherKey = master.unwrap(wrappedKey(t, run.other()));
    assertThat(keys).as("the scan finds the other session's live key").contains(otherKey);
    keys.add(masterBytes);
    keys.add(new byte[32]); // what the shredded in-memory copy was overwritten with
    byte[] guess = new byte[32];
    new SecureRandom().nextBytes(guess);
    keys.add(guess);
    for (byte[] key : keys) {
      for (Actor p : InsiderScenario.participants()) {
        String candidate = hmac(key, p);
        if (observed.contains(candidate)) {
          throw new AssertionError("a key left in reach recomputes the pseudonym of " + p.userId());
        }
      }
    }
  }

  private static TestCandor fixture(Backend backend, MasterKey master) {
    TestCandor.Builder b = TestCandor.create().withMasterKey(master);
    return (backend == Backend.POSTGRESQL ? b.onPostgres() : b).build();
  }

  /**
   * Every value in every table that decodes (base64 or base64url) to 16 bytes or more: each as a
   * raw key, and each that the master key unwraps, unwrapped. Cells are read column by column, not
   * from the dump's text, so no value is missed for a comma.
   */
  private static List<byte[]> keysAnInsiderCanFind(TestCandor t, MasterKey master) {
    List<byte[]> keys = new ArrayList<>();
    for (String table : t.tableNames()) {
      for (List<String> row : t.query("SELECT * FROM \"" + table + "\"")) {
        for (String cell : row) {
          for (byte[] blob : decodings(cell)) {
            if (blob.length <= 64) {
              keys.add(blob);
            }
            try {
              keys.add(master.unwrap(blob));
            } catch (RuntimeException notWrappedUnderThisKey) {
              // most values are not keys at all; blobs shorter than IV plus tag do not even
              // reach the tag check (the JDK throws a ProviderException for them)
            }
          }
        }
      }
    }
    return keys;
  }

  private static List<byte[]> decodings(String cell) {
    List<byte[]> found = new ArrayList<>();
    if (cell == null || cell.length() < 22) {
      return found;
    }
    for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
      try {
        byte[] blob = d.decode(cell.trim());
        if (blob.length >= 16) {
          found.add(blob);
        }
      } catch (IllegalArgumentException notBase64) {
        // plain text
      }
    }
    return found;
  }

  private static byte[] wrappedKey(TestCandor t, SessionId s) {
    return t.tx(tx -> tx.keys().find(s)).orElseThrow();
  }

  /** HMAC-SHA256(key, platform|tenant|user), base64url: the documented pseudonym, computed here. */
  static String hmac(byte[] key, Actor actor) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(material(actor).getBytes(StandardCharsets.UTF_8)));
  }

  private static String material(Actor actor) {
    return actor.platform().id() + "|" + actor.tenant() + "|" + actor.userId();
  }

  /**
   * Nothing of any participant: the telltale prefixes of their user and tenant ids (in any case),
   * nor an unkeyed SHA-256 of their id or of the pseudonym material, in hex or base64.
   */
  private static void assertNoIdentity(String where, List<String> material) {
    assertThat(material).as(where).isNotEmpty();
    List<String> digests = new ArrayList<>();
    for (Actor p : InsiderScenario.participants()) {
      for (String clear : List.of(p.userId(), material(p))) {
        byte[] sha = sha256(clear);
        digests.add(HexFormat.of().formatHex(sha));
        digests.add(Base64.getEncoder().withoutPadding().encodeToString(sha));
        digests.add(Base64.getUrlEncoder().withoutPadding().encodeToString(sha));
      }
    }
    for (String item : material) {
      String upper = item.toUpperCase(Locale.ROOT);
      assertThat(upper)
          .as("%s must not name a participant", where)
          .doesNotContain(InsiderScenario.USER_PREFIX, InsiderScenario.TENANT_PREFIX);
    }
    String all = String.join("\n", material);
    assertThat(digests)
        .as("%s must not hold an unkeyed hash of an id", where)
        .noneMatch(all::contains);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
