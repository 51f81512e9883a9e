package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import dev.candor.core.identity.Platform;
import dev.candor.core.store.ConversationRepo;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcConversationRepo implements ConversationRepo {
  private static final String UPSERT_H2 =
      "MERGE INTO conversations (platform, address, reference) KEY (platform, address)"
          + " VALUES (:platform, :address, :reference)";
  private static final String UPSERT_POSTGRES =
      "INSERT INTO conversations (platform, address, reference)"
          + " VALUES (:platform, :address, :reference)"
          + " ON CONFLICT (platform, address) DO UPDATE SET reference = EXCLUDED.reference";

  private final Handle handle;
  private final Dialect dialect;

  JdbcConversationRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void save(Platform platform, String address, String referenceJson) {
    notNull(platform, "platform");
    notBlank(address, "address");
    notBlank(referenceJson, "referenceJson");
    handle
        .createUpdate(dialect == Dialect.POSTGRES ? UPSERT_POSTGRES : UPSERT_H2)
        .bind("platform", platform.name())
        .bind("address", address)
        .bind("reference", referenceJson)
        .execute();
  }

  @Override
  public Optional<String> find(Platform platform, String address) {
    return handle
        .createQuery(
            "SELECT reference FROM conversations WHERE platform = :platform AND address = :address")
        .bind("platform", platform.name())
        .bind("address", address)
        .mapTo(String.class)
        .findOne();
  }
}
