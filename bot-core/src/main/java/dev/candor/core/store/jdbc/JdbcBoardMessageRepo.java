package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.BoardMessageRepo;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcBoardMessageRepo implements BoardMessageRepo {
  // An upsert, so two instances posting a board at once both succeed (the last one wins). The
  // standard MERGE arrives only in PostgreSQL 15, hence one statement per database.
  private static final String UPSERT_H2 =
      "MERGE INTO board_messages (session_id, platform, channel_id, message_ref)"
          + " KEY (session_id, platform, channel_id) VALUES (:session, :platform, :channel, :ref)";
  private static final String UPSERT_POSTGRES =
      "INSERT INTO board_messages (session_id, platform, channel_id, message_ref)"
          + " VALUES (:session, :platform, :channel, :ref)"
          + " ON CONFLICT (session_id, platform, channel_id)"
          + " DO UPDATE SET message_ref = EXCLUDED.message_ref";

  private final Handle handle;
  private final Dialect dialect;

  JdbcBoardMessageRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public Optional<String> find(SessionId session, ChannelRef channel) {
    notNull(channel, "channel");
    return handle
        .createQuery(
            "SELECT message_ref FROM board_messages"
                + " WHERE session_id = :session AND platform = :platform AND channel_id = :channel")
        .bind("session", session.value())
        .bind("platform", channel.platform().name())
        .bind("channel", channel.channelId())
        .mapTo(String.class)
        .findOne();
  }

  @Override
  public void save(SessionId session, ChannelRef channel, String messageRef) {
    notNull(channel, "channel");
    notBlank(messageRef, "messageRef");
    handle
        .createUpdate(dialect == Dialect.POSTGRES ? UPSERT_POSTGRES : UPSERT_H2)
        .bind("session", session.value())
        .bind("platform", channel.platform().name())
        .bind("channel", channel.channelId())
        .bind("ref", messageRef)
        .execute();
  }
}
