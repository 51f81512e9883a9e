package dev.candor.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records decisions to send, inside the caller's transaction, so a message exists exactly when the
 * decision that caused it was committed. Each method derives a dedupe key from what the message is
 * about; taking the same decision twice stores it once.
 */
public final class Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;
  private final Duration boardInterval;

  public Outbox(Clock clock, Duration boardInterval) {
    this.clock = clock;
    this.boardInterval = boardInterval;
  }

  /** A reminder to every channel of the session; see the five-argument form. */
  public void remind(Tx tx, ListeningSession s, ReminderKind kind, Duration lead) {
    remind(tx, s, kind, lead, lead);
  }

  /**
   * A reminder to every channel of the session. The dedupe key is (session, kind, nominal lead, the
   * moment announced, channel): a repeated firing adds nothing, while a rescheduled session (a new
   * moment) gets its reminders again. {@code announced} is the lead the message states, the time
   * really left when a reminder goes out late.
   */
  public void remind(
      Tx tx, ListeningSession s, ReminderKind kind, Duration lead, Duration announced) {
    Instant now = clock.instant();
    Instant moment =
        kind == ReminderKind.BEFORE_START || kind == ReminderKind.LIVE_NOW
            ? s.startsAt()
            : s.endsAt();
    for (ChannelRef channel : s.audience()) {
      String key =
          "reminder:"
              + s.id()
              + ":"
              + kind
              + ":"
              + lead.toSeconds()
              + ":"
              + moment.getEpochSecond()
              + ":"
              + channel;
      String payload = json(Map.of("reminder", kind.name(), "leadSeconds", announced.toSeconds()));
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  key, s.id(), Target.channel(channel), NoticeKind.REMINDER, payload, now, now));
    }
  }

  /**
   * Asks for the session's boards to be refreshed. Requests in the same refresh window share one
   * dedupe key and are delivered at the window's end, rendered from the state at that moment: at
   * most one edit per board per interval, and the last change is shown within one interval.
   */
  public void refreshBoard(Tx tx, ListeningSession s) {
    Instant now = clock.instant();
    String window;
    Instant due;
    long intervalMs = boardInterval.toMillis();
    if (intervalMs == 0) {
      window = UUID.randomUUID().toString();
      due = now;
    } else {
      long slot = now.toEpochMilli() / intervalMs;
      window = Long.toString(slot);
      due = Instant.ofEpochMilli((slot + 1) * intervalMs);
    }
    for (ChannelRef channel : s.audience()) {
      String key = "board:" + s.id() + ":" + channel + ":" + window;
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  key, s.id(), Target.channel(channel), NoticeKind.BOARD, "{}", due, now));
    }
  }

  /** The moderator summary, privately to each recipient; {@code occasion} e.g. "close". */
  public void summary(Tx tx, ListeningSession s, Iterable<UserRef> recipients, String occasion) {
    Instant now = clock.instant();
    for (UserRef user : recipients) {
      String key = "summary:" + s.id() + ":" + occasion + ":" + user;
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  key, s.id(), Target.direct(user), NoticeKind.SUMMARY, "{}", now, now));
    }
  }

  /** Tells the session's channels that a question was answered (once per question). */
  public void answered(Tx tx, ListeningSession s, QuestionId question) {
    Instant now = clock.instant();
    for (ChannelRef channel : s.audience()) {
      String key = "answered:" + s.id() + ":" + question + ":" + channel;
      String payload = json(Map.of("question", question.code()));
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  key, s.id(), Target.channel(channel), NoticeKind.ANSWERED, payload, now, now));
    }
  }

  /** A private alert to the session's moderators; {@code about} makes the dedupe key. */
  public void alertModerators(
      Tx tx, ListeningSession s, Iterable<UserRef> moderators, String about, String text) {
    Instant now = clock.instant();
    for (UserRef user : moderators) {
      String key = "alert:" + s.id() + ":" + about + ":" + user;
      String payload = json(Map.of("text", text));
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  key, s.id(), Target.direct(user), NoticeKind.MODERATOR_ALERT, payload, now, now));
    }
  }

  static String json(Map<String, ?> payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an outbox payload", e);
    }
  }

  static Map<String, Object> read(String payload) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.readValue(payload, Map.class);
      return map;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable outbox payload", e);
    }
  }
}
