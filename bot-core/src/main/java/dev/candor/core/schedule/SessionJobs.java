package dev.candor.core.schedule;

import dev.candor.core.delivery.Outbox;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.question.Release;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each scheduled job does. Jobs carry only a session id, an action and a lead time; everything
 * else is read from storage when they fire, so a late or repeated firing acts on the current state.
 */
public final class SessionJobs {
  private static final Logger log = LoggerFactory.getLogger(SessionJobs.class);

  /** How late a reminder may be and still announce its nominal lead. */
  static final Duration LATE = Duration.ofMinutes(1);

  private final Storage storage;
  private final Sessions sessions;
  private final Release release;
  private final Outbox outbox;
  private final Clock clock;

  public SessionJobs(
      Storage storage, Sessions sessions, Release release, Outbox outbox, Clock clock) {
    this.storage = storage;
    this.sessions = sessions;
    this.release = release;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The scheduled actions. */
  public enum Action {
    REMIND,
    INTAKE_CLOSING,
    OPEN,
    CLOSE,
    ARCHIVE
  }

  public void run(SessionId id, Action action, Duration lead) {
    switch (action) {
      case OPEN -> sessions.open(id);
      case CLOSE -> sessions.close(id);
      case ARCHIVE -> sessions.archive(id);
      case REMIND -> remind(id, ReminderKind.BEFORE_START, lead);
      case INTAKE_CLOSING -> remind(id, ReminderKind.INTAKE_CLOSING, lead);
    }
  }

  /**
   * Sends a reminder if it is still useful: before the moment it announces (the start, or the end
   * of intake), and not overtaken by a later reminder that is due too (after downtime only the most
   * recent of the missed reminders goes out, never a burst). Skipped reminders are logged. A
   * reminder sent late says how long is really left, not its nominal lead.
   */
  void remind(SessionId id, ReminderKind kind, Duration lead) {
    storage.run(
        tx -> {
          ListeningSession s = tx.sessions().find(id).orElse(null);
          if (s == null) {
            log.debug("session {} is gone: no {} reminder", id, kind);
            return;
          }
          Instant now = clock.instant();
          Instant moment = kind == ReminderKind.BEFORE_START ? s.startsAt() : s.endsAt();
          boolean stateFits =
              kind == ReminderKind.BEFORE_START
                  ? s.state() == SessionState.SCHEDULED
                  : s.state().takesQuestions();
          if (!stateFits) {
            log.info("skipped {} reminder of session {}: it is {}", kind, id, s.state().label());
            return;
          }
          if (!now.isBefore(moment)) {
            log.info(
                "skipped stale {} reminder of session {} ({} s before a moment now past)",
                kind,
                id,
                lead.toSeconds());
            return;
          }
          if (kind == ReminderKind.BEFORE_START && overtaken(s, lead, now)) {
            log.info(
                "skipped {} reminder of session {} ({} s before): a later one is due as well",
                kind,
                id,
                lead.toSeconds());
            return;
          }
          outbox.remind(tx, s, kind, lead, announced(lead, Duration.between(now, moment)));
        });
  }

  /** Whether a shorter reminder of the session is due by now, making this one redundant. */
  static boolean overtaken(ListeningSession s, Duration lead, Instant now) {
    return s.settings().reminderOffsets().stream()
        .anyMatch(other -> other.compareTo(lead) < 0 && !s.startsAt().minus(other).isAfter(now));
  }

  /** The lead to announce: the nominal one, unless the reminder is late by more than a minute. */
  static Duration announced(Duration lead, Duration left) {
    if (left.compareTo(lead.minus(LATE)) >= 0) {
      return lead;
    }
    Duration minutes = Duration.ofMinutes(left.toMinutes());
    return minutes.isZero() ? Duration.ofSeconds(Math.max(1, left.toSeconds())) : minutes;
  }

  /** Releases due batches in every session that takes questions. */
  public int releaseAllDue() {
    List<ListeningSession> live =
        storage.inTransaction(
            tx -> tx.sessions().inStates(EnumSet.of(SessionState.SCHEDULED, SessionState.OPEN)));
    int released = 0;
    for (ListeningSession s : live) {
      released +=
          storage.inTransaction(
              tx ->
                  tx.sessions()
                      .lock(s.id())
                      .map(locked -> release.releaseIfDue(tx, locked))
                      .orElse(0));
    }
    return released;
  }
}
