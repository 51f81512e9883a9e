package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.session.SessionId;
import dev.candor.core.store.KeyRepo;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Wrapped keys as base64 text, because binary column types differ between H2 and PostgreSQL. */
final class JdbcKeyRepo implements KeyRepo {
  private final Handle handle;

  JdbcKeyRepo(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(SessionId session, byte[] wrappedKey) {
    notNull(wrappedKey, "wrappedKey");
    handle
        .createUpdate("INSERT INTO session_keys (session_id, wrapped_key) VALUES (:session, :key)")
        .bind("session", session.value())
        .bind("key", Base64.getEncoder().encodeToString(wrappedKey))
        .execute();
  }

  @Override
  public Optional<byte[]> find(SessionId session) {
    return handle
        .createQuery("SELECT wrapped_key FROM session_keys WHERE session_id = :session")
        .bind("session", session.value())
        .map((rs, ctx) -> Base64.getDecoder().decode(rs.getString(1)))
        .findOne();
  }

  @Override
  public void delete(SessionId session) {
    handle
        .createUpdate("DELETE FROM session_keys WHERE session_id = :session")
        .bind("session", session.value())
        .execute();
  }
}
