package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.store.BoardMessageRepo;
import dev.candor.core.store.ConversationRepo;
import dev.candor.core.store.Database;
import dev.candor.core.store.EscalationRepo;
import dev.candor.core.store.FollowupRepo;
import dev.candor.core.store.KeyRepo;
import dev.candor.core.store.OutboxRepo;
import dev.candor.core.store.PolicyRepo;
import dev.candor.core.store.QuestionRepo;
import dev.candor.core.store.SessionRepo;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import dev.candor.core.store.VoteRepo;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link Storage} over JDBC with JDBI, for H2 and PostgreSQL. Each {@link #inTransaction} call is
 * one READ COMMITTED database transaction on its own pooled connection; where a decision needs more
 * than that, the service takes {@link SessionRepo#lock}.
 */
public final class JdbiStorage implements Storage {
  private final Jdbi jdbi;
  private final Dialect dialect;

  /** Storage in {@code database}, which must have been migrated (as {@link Database#open} does). */
  public JdbiStorage(Database database) {
    notNull(database, "database");
    this.jdbi = Jdbi.create(database.dataSource());
    // Statement errors must not quote bound values (question text, pseudonyms) into exception
    // messages, which end up in logs.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    this.dialect = database.isPostgres() ? Dialect.POSTGRES : Dialect.H2;
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    notNull(work, "work");
    return jdbi.inTransaction(
        TransactionIsolationLevel.READ_COMMITTED,
        handle -> work.apply(new JdbiTx(handle, dialect)));
  }

  /** The repositories of one transaction, all over the same handle. */
  private static final class JdbiTx implements Tx {
    private final JdbcSessionRepo sessions;
    private final JdbcQuestionRepo questions;
    private final JdbcVoteRepo votes;
    private final JdbcKeyRepo keys;
    private final JdbcOutboxRepo outbox;
    private final JdbcBoardMessageRepo boards;
    private final JdbcConversationRepo conversations;
    private final JdbcPolicyRepo policies;
    private final JdbcFollowupRepo followups;
    private final JdbcEscalationRepo escalations;

    JdbiTx(Handle handle, Dialect dialect) {
      sessions = new JdbcSessionRepo(handle);
      questions = new JdbcQuestionRepo(handle, dialect);
      votes = new JdbcVoteRepo(handle, dialect);
      keys = new JdbcKeyRepo(handle);
      outbox = new JdbcOutboxRepo(handle, dialect);
      boards = new JdbcBoardMessageRepo(handle, dialect);
      conversations = new JdbcConversationRepo(handle, dialect);
      policies = new JdbcPolicyRepo(handle, dialect);
      followups = new JdbcFollowupRepo(handle, dialect);
      escalations = new JdbcEscalationRepo(handle, dialect);
    }

    @Override
    public SessionRepo sessions() {
      return sessions;
    }

    @Override
    public QuestionRepo questions() {
      return questions;
    }

    @Override
    public VoteRepo votes() {
      return votes;
    }

    @Override
    public KeyRepo keys() {
      return keys;
    }

    @Override
    public OutboxRepo outbox() {
      return outbox;
    }

    @Override
    public BoardMessageRepo boards() {
      return boards;
    }

    @Override
    public ConversationRepo conversations() {
      return conversations;
    }

    @Override
    public PolicyRepo policies() {
      return policies;
    }

    @Override
    public FollowupRepo followups() {
      return followups;
    }

    @Override
    public EscalationRepo escalations() {
      return escalations;
    }
  }
}
