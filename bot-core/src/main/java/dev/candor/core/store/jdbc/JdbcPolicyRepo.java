package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPolicy;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.store.PolicyRepo;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

final class JdbcPolicyRepo implements PolicyRepo {
  private final Handle handle;
  private final Dialect dialect;

  JdbcPolicyRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public SessionPolicy find(SessionId session) {
    notNull(session, "session");
    return handle
        .createQuery(
            "SELECT tally_policy, escalate_at FROM session_policies WHERE session_id = :session")
        .bind("session", session.value())
        .map(
            (rs, ctx) -> {
              int at = rs.getInt("escalate_at");
              boolean noThreshold = rs.wasNull(); // before the next getter resets it
              return new SessionPolicy(
                  TallyPolicy.valueOf(rs.getString("tally_policy")),
                  noThreshold ? OptionalInt.empty() : OptionalInt.of(at));
            })
        .findOne()
        .orElse(SessionPolicy.defaults());
  }

  @Override
  public void save(SessionId session, SessionPolicy policy) {
    notNull(session, "session");
    notNull(policy, "policy");
    handle
        .createUpdate(upsert("tally_policy, escalate_at", ":tallies, :escalateAt"))
        .bind("session", session.value())
        .bind("tallies", policy.tallies().name())
        .bind(
            "escalateAt",
            policy.escalateAt().isPresent()
                ? Integer.valueOf(policy.escalateAt().getAsInt())
                : null)
        .execute();
  }

  @Override
  public Optional<String> presenterToken(SessionId session) {
    notNull(session, "session");
    return handle
        .createQuery("SELECT presenter_token FROM session_policies WHERE session_id = :session")
        .bind("session", session.value())
        .mapTo(String.class)
        .findOne()
        .filter(t -> t != null);
  }

  @Override
  public void savePresenterToken(SessionId session, String token) {
    notNull(session, "session");
    notBlank(token, "token");
    handle
        .createUpdate(upsert("presenter_token", ":token"))
        .bind("session", session.value())
        .bind("token", token)
        .execute();
  }

  @Override
  public Optional<SessionId> sessionByPresenterToken(String token) {
    notNull(token, "token");
    return handle
        .createQuery("SELECT session_id FROM session_policies WHERE presenter_token = :token")
        .bind("token", token)
        .mapTo(Long.class)
        .findOne()
        .map(SessionId::new);
  }

  // One statement per database, as in JdbcBoardMessageRepo: the columns not named keep their
  // value (or their default, for a new row).
  private String upsert(String columns, String values) {
    if (dialect == Dialect.POSTGRES) {
      StringBuilder set = new StringBuilder();
      for (String c : columns.split(",\\s*")) {
        set.append(set.length() == 0 ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
      }
      return "INSERT INTO session_policies (session_id, "
          + columns
          + ") VALUES (:session, "
          + values
          + ") ON CONFLICT (session_id) DO UPDATE SET "
          + set;
    }
    return "MERGE INTO session_policies (session_id, "
        + columns
        + ") KEY (session_id)"
        + " VALUES (:session, "
        + values
        + ")";
  }
}
