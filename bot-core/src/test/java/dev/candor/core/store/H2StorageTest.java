package dev.candor.core.store;

import java.util.UUID;

/** The storage contract on embedded H2, the default database, in memory. */
class H2StorageTest extends StorageContract {
  @Override
  protected Database openFreshDatabase() {
    return Database.open(Database.h2Memory("contract-" + UUID.randomUUID()), null, null, 6);
  }
}
