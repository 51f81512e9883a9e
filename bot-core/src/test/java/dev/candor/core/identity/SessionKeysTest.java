package dev.candor.core.identity;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.TestCandor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Identity is dropped at the door: per-session HMAC pseudonyms under keys that can be shredded. */
class SessionKeysTest {

  @Test
  void givenSameActorInOneSession_thenThePseudonymIsStable() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();

      assertThat(pseudonym(t, s.id(), participant(1)))
          .isEqualTo(pseudonym(t, s.id(), participant(1)));
    }
  }

  @Test
  void givenSameActorInTwoSessions_thenThePseudonymsDiffer() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession a = t.scheduleSession();
      ListeningSession b = t.scheduleSession();

      assertThat(pseudonym(t, a.id(), participant(1)))
          .isNotEqualTo(pseudonym(t, b.id(), participant(1)));
    }
  }

  @Test
  void givenDifferentPlatformTenantOrUser_thenThePseudonymsDiffer() {
    try (TestCandor t = TestCandor.withDefaults()) {
      SessionId s = t.scheduleSession().id();

      assertThat(
              List.of(
                  pseudonym(t, s, new Actor(Platform.SLACK, "T1", "U1")),
                  pseudonym(t, s, new Actor(Platform.TEAMS, "T1", "U1")),
                  pseudonym(t, s, new Actor(Platform.SLACK, "T2", "U1")),
                  pseudonym(t, s, new Actor(Platform.SLACK, "T1", "U2"))))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void givenStoredKey_thenThePseudonymIsHmacSha256OfPlatformTenantAndUserInBase64Url()
      throws Exception {
    try (TestCandor t = TestCandor.withDefaults()) {
      SessionId s = t.scheduleSession().id();
      Actor actor = new Actor(Platform.SLACK, "T0001", "U0001");
      byte[] key = t.masterKey().unwrap(t.tx(tx -> tx.keys().find(s)).orElseThrow());

      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String expected =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(mac.doFinal("slack|T0001|U0001".getBytes(StandardCharsets.UTF_8)));

      assertThat(key).hasSize(32);
      assertThat(pseudonym(t, s, actor).value()).isEqualTo(expected).hasSize(43);
    }
  }

  @Test
  void givenStoredKey_thenItIsWrappedNotRaw() {
    try (TestCandor t = TestCandor.withDefaults()) {
      SessionId s = t.scheduleSession().id();
      byte[] wrapped = t.tx(tx -> tx.keys().find(s)).orElseThrow();

      byte[] raw = t.masterKey().unwrap(wrapped);

      assertThat(wrapped).hasSize(12 + 32 + 16).isNotEqualTo(raw);
      assertThatThrownBy(() -> MasterKey.random().unwrap(wrapped))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void givenShreddedKey_thenNoPseudonymCanBeComputedOrRecomputed() {
    try (TestCandor t = TestCandor.withDefaults()) {
      SessionId s = t.scheduleSession().id();
      pseudonym(t, s, participant(1)); // warms the in-memory cache

      t.storage().run(tx -> t.candor().keys().shred(tx, s));

      assertThat(t.keyExists(s)).isFalse();
      assertThat(t.recompute(s, participant(1))).isEmpty();
      assertThatThrownBy(() -> pseudonym(t, s, participant(1)))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }

  @Test
  void givenRecompute_thenItMatchesThePseudonymWhileTheKeyExists() {
    try (TestCandor t = TestCandor.withDefaults()) {
      SessionId s = t.scheduleSession().id();

      assertThat(t.recompute(s, participant(3))).contains(pseudonym(t, s, participant(3)));
    }
  }

  @Test
  void givenPseudonym_thenItsTextShowsOnlyAPrefix() {
    Pseudonym p = new Pseudonym("abcdefghijklmnopqrstuvwxyz");

    assertThat(p.toString()).isEqualTo("Pseudonym[abcdef…]");
  }

  private static Pseudonym pseudonym(TestCandor t, SessionId s, Actor actor) {
    return t.tx(tx -> t.candor().keys().pseudonym(tx, s, actor));
  }
}
