package dev.candor.core.identity;

import dev.candor.core.CandorException;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-session keys: created with the session, stored only wrapped under the {@link MasterKey}, used
 * to turn an {@link Actor} into a {@link Pseudonym}, and erased at archive.
 */
public final class SessionKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final MasterKey masterKey;
  private final ConcurrentMap<SessionId, byte[]> cache = new ConcurrentHashMap<>();

  public SessionKeys(MasterKey masterKey) {
    this.masterKey = masterKey;
  }

  /** Creates and stores a fresh key for a new session. */
  public void create(Tx tx, SessionId session) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    tx.keys().insert(session, masterKey.wrap(key));
  }

  /** The pseudonym of {@code actor} in {@code session}. */
  public Pseudonym pseudonym(Tx tx, SessionId session, Actor actor) {
    byte[] key =
        cache.computeIfAbsent(
            session,
            id ->
                tx.keys()
                    .find(id)
                    .map(masterKey::unwrap)
                    .orElseThrow(
                        () ->
                            CandorException.wrongState(
                                "Session " + id + " is archived; it no longer takes part.")));
    return compute(key, actor);
  }

  /** Erases the session's key; after this no pseudonym of the session can be recomputed. */
  public void shred(Tx tx, SessionId session) {
    tx.keys().delete(session);
    byte[] cached = cache.remove(session);
    if (cached != null) {
      java.util.Arrays.fill(cached, (byte) 0);
    }
  }

  /** Whether the key still exists (for audits and tests). */
  public boolean exists(Tx tx, SessionId session) {
    return tx.keys().find(session).isPresent();
  }

  /** Forgets cached keys, e.g. after another instance archived a session. */
  public void evict(SessionId session) {
    cache.remove(session);
  }

  static Pseudonym compute(byte[] key, Actor actor) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String material = actor.platform().id() + "|" + actor.tenant() + "|" + actor.userId();
      byte[] digest = mac.doFinal(material.getBytes(StandardCharsets.UTF_8));
      return new Pseudonym(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Recomputes a pseudonym from a raw key, if the key can still be found; for audits. */
  public Optional<Pseudonym> recompute(Tx tx, SessionId session, Actor actor) {
    return tx.keys().find(session).map(masterKey::unwrap).map(k -> compute(k, actor));
  }
}
