package dev.candor.core.store;

import dev.candor.core.store.jdbc.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The storage contract, written once and run against every database Candor supports: a concrete
 * subclass only says how to open a fresh, empty database for each test. The tests themselves live
 * in the {@code *Contract} interfaces, one per repository, so that each stays readable.
 */
public abstract class StorageContract
    implements SessionRepoContract,
        QuestionRepoContract,
        VoteRepoContract,
        KeyAndBoardContract,
        OutboxRepoContract,
        TransactionContract,
        SchemaContract {
  private Database database;
  private Storage storage;

  /** Opens a new, empty database for one test; it is migrated and closed by the contract. */
  protected abstract Database openFreshDatabase();

  @BeforeEach
  void openStorage() {
    database = openFreshDatabase();
    storage = new JdbiStorage(database);
  }

  @AfterEach
  void closeStorage() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @Override
  public Database database() {
    return database;
  }
}
