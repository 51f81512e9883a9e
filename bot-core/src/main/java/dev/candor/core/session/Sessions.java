package dev.candor.core.session;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.SessionKeys;
import dev.candor.core.identity.UserRef;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import dev.candor.core.summary.Participation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating sessions and moving them through their lifecycle, by hand or on schedule. */
public final class Sessions {
  private static final Logger log = LoggerFactory.getLogger(Sessions.class);
  private final Storage storage;
  private final SessionKeys keys;
  private final Access access;
  private final Outbox outbox;
  private final Clock clock;
  private SessionPlanner planner = SessionPlanner.NONE;
  private SessionFollowUp followUp = SessionFollowUp.NONE;

  public Sessions(Storage storage, SessionKeys keys, Access access, Outbox outbox, Clock clock) {
    this.storage = storage;
    this.keys = keys;
    this.access = access;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Connects the scheduler, which itself calls back into this service. */
  public void setPlanner(SessionPlanner planner) {
    this.planner = planner;
  }

  /** Connects what follows the end of a session (the next occurrence of a series). */
  public void setFollowUp(SessionFollowUp followUp) {
    this.followUp = followUp;
  }

  /** Tells the scheduler about a session made or changed outside this service. */
  public void planned(ListeningSession s) {
    planner.planned(s);
  }

  public Access access() {
    return access;
  }

  /** Schedules a session (organizers only); intake opens at once. */
  public ListeningSession schedule(Actor actor, NewSession request) {
    access.requireOrganizer(actor, "schedule sessions");
    if (!request.startsAt().isAfter(clock.instant().minusSeconds(60))) {
      throw CandorException.invalid(
          "The start is in the past. Try a time ahead, e.g. tomorrow 15:00 or in 2h.");
    }
    ListeningSession created = storage.inTransaction(tx -> create(tx, actor.ref(), request));
    planner.planned(created);
    log.info("session {} scheduled by an organizer", created.id());
    return created;
  }

  /**
   * Stores a scheduled session and its key in the caller's transaction; plan it with {@link
   * #planned} once committed. Checks no permission: callers do.
   */
  public ListeningSession create(Tx tx, UserRef createdBy, NewSession request) {
    ListeningSession s =
        tx.sessions()
            .insert(
                new ListeningSession(
                    null,
                    request.title(),
                    SessionState.SCHEDULED,
                    request.startsAt(),
                    request.endsAt(),
                    request.zone(),
                    request.audience(),
                    request.moderators(),
                    createdBy,
                    request.settings(),
                    null));
    keys.create(tx, s.id());
    return s;
  }

  /**
   * Moves a scheduled session to a new start and end (organizers and its moderators); its triggers
   * are replaced, and reminders count from the new start.
   */
  public ListeningSession reschedule(Actor actor, SessionId id, Instant startsAt, Instant endsAt) {
    authorizeModerator(actor, id, "reschedule it");
    if (!startsAt.isAfter(clock.instant())) {
      throw CandorException.invalid(
          "The new start is in the past. Try a time ahead, e.g. tomorrow 15:00 or in 2h.");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw CandorException.invalid("A session must end after it starts. Try: for 45m");
    }
    ListeningSession moved =
        storage.inTransaction(
            tx -> {
              ListeningSession s = tx.sessions().lock(id).orElseThrow(() -> unknown(id));
              require(s, SessionState.SCHEDULED, "rescheduled");
              tx.sessions().updateTimes(id, startsAt, endsAt);
              return tx.sessions().find(id).orElseThrow(() -> unknown(id));
            });
    planner.planned(moved);
    log.info("session {} rescheduled", id);
    return moved;
  }

  public ListeningSession get(Tx tx, SessionId id) {
    return tx.sessions().find(id).orElseThrow(() -> unknown(id));
  }

  public ListeningSession get(SessionId id) {
    return storage.inTransaction(tx -> get(tx, id));
  }

  /** Locks a session that takes questions, or says plainly why it does not. */
  public ListeningSession lockTakingQuestions(Tx tx, SessionId id) {
    ListeningSession s = tx.sessions().lock(id).orElseThrow(() -> unknown(id));
    if (!s.state().takesQuestions()) {
      throw CandorException.wrongState(
          s.id() + " is " + s.state().label() + "; it does not take questions now.");
    }
    return s;
  }

  /** Sessions that are not archived or cancelled, soonest first. */
  public List<ListeningSession> current() {
    return storage.inTransaction(
        tx ->
            tx.sessions()
                .inStates(
                    EnumSet.of(
                        SessionState.DRAFT,
                        SessionState.SCHEDULED,
                        SessionState.OPEN,
                        SessionState.CLOSED)));
  }

  /** The sessions announced in a channel that take questions now. */
  public List<ListeningSession> takingQuestionsIn(ChannelRef channel) {
    List<ListeningSession> found = new ArrayList<>();
    for (ListeningSession s : current()) {
      if (s.state().takesQuestions() && s.audience().contains(channel)) {
        found.add(s);
      }
    }
    return found;
  }

  public ListeningSession open(Actor actor, SessionId id) {
    authorizeModerator(actor, id, "open it");
    return open(id);
  }

  public ListeningSession close(Actor actor, SessionId id) {
    authorizeModerator(actor, id, "close it");
    return close(id);
  }

  public ListeningSession cancel(Actor actor, SessionId id) {
    access.requireOrganizer(actor, "cancel sessions");
    return cancel(id);
  }

  public ListeningSession archive(Actor actor, SessionId id) {
    access.requireOrganizer(actor, "archive sessions");
    return archive(id);
  }

  /** Opens the session at its start (scheduled) or earlier (by a moderator); idempotent. */
  public ListeningSession open(SessionId id) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = tx.sessions().lock(id).orElseThrow(() -> unknown(id));
          if (s.state() == SessionState.OPEN) {
            return s;
          }
          require(s, SessionState.SCHEDULED, "opened");
          tx.sessions().updateState(id, SessionState.OPEN);
          ListeningSession open = s.withState(SessionState.OPEN);
          outbox.remind(tx, open, ReminderKind.LIVE_NOW, Duration.ZERO);
          outbox.refreshBoard(tx, open);
          log.info("session {} opened", id);
          return open;
        });
  }

  /** Closes the session and sends the summary to its moderators; idempotent. */
  public ListeningSession close(SessionId id) {
    ListeningSession closed =
        storage.inTransaction(
            tx -> {
              ListeningSession s = tx.sessions().lock(id).orElseThrow(() -> unknown(id));
              if (s.state() == SessionState.CLOSED || s.state() == SessionState.ARCHIVED) {
                return s;
              }
              if (!s.state().takesQuestions()) {
                throw CandorException.wrongState(
                    s.id() + " is " + s.state().label() + "; it cannot be closed.");
              }
              tx.sessions().updateState(id, SessionState.CLOSED);
              ListeningSession c = s.withState(SessionState.CLOSED);
              outbox.remind(tx, c, ReminderKind.CLOSED, Duration.ZERO);
              outbox.summary(tx, c, summaryRecipients(c), "close");
              outbox.refreshBoard(tx, c);
              return c;
            });
    planner.planned(closed);
    log.info("session {} closed", id);
    followUp(closed);
    return closed;
  }

  public ListeningSession cancel(SessionId id) {
    ListeningSession cancelled =
        storage.inTransaction(
            tx -> {
              ListeningSession s = tx.sessions().lock(id).orElseThrow(() -> unknown(id));
              if (s.state().isOver()) {
                throw CandorException.wrongState(
                    s.id() + " is " + s.state().label() + "; it cannot be cancelled.");
              }
              shred(tx, s);
              tx.sessions().updateState(id, SessionState.CANCELLED);
              return s.withState(SessionState.CANCELLED);
            });
    planner.unplanned(id);
    log.info("session {} cancelled", id);
    followUp(cancelled);
    return cancelled;
  }

  // After the commit, and never failing the close or cancel itself: the scheduler's start-up
  // catches up on a follow-up that did not happen.
  private void followUp(ListeningSession ended) {
    try {
      followUp.ended(ended).ifPresent(planner::planned);
    } catch (RuntimeException e) {
      log.error("session {}: what follows its end failed: {}", ended.id(), e.toString());
    }
  }

  /**
   * Archives a closed session: tallies and participation are frozen, vote rows and authors are
   * erased and the session key is shredded, so nobody can link anything to a person any more.
   */
  public ListeningSession archive(SessionId id) {
    ListeningSession archived =
        storage.inTransaction(
            tx -> {
              ListeningSession s = tx.sessions().lock(id).orElseThrow(() -> unknown(id));
              if (s.state() == SessionState.ARCHIVED) {
                return s;
              }
              require(s, SessionState.CLOSED, "archived");
              shred(tx, s);
              tx.sessions().updateState(id, SessionState.ARCHIVED);
              return s.withState(SessionState.ARCHIVED);
            });
    planner.unplanned(id);
    log.info("session {} archived; its key is shredded", id);
    return archived;
  }

  /** Who receives the summary: the moderators and the organizer who scheduled the session. */
  public static Set<UserRef> summaryRecipients(ListeningSession s) {
    Set<UserRef> to = new LinkedHashSet<>(s.moderators());
    if (s.createdBy() != null) {
      to.add(s.createdBy());
    }
    return to;
  }

  private void shred(Tx tx, ListeningSession s) {
    tx.sessions()
        .saveFinalParticipation(
            s.id(),
            new Participation(
                tx.questions().distinctAskers(s.id()),
                tx.votes().distinctVoters(s.id()),
                tx.votes().total(s.id())));
    tx.questions().freezeTalliesAndForgetAuthors(s.id());
    tx.votes().deleteSession(s.id());
    keys.shred(tx, s.id());
  }

  private void authorizeModerator(Actor actor, SessionId id, String action) {
    ListeningSession s = get(id);
    access.requireModerator(actor, s, action);
  }

  private static void require(ListeningSession s, SessionState expected, String verb) {
    if (s.state() != expected) {
      throw CandorException.wrongState(
          s.id()
              + " is "
              + s.state().label()
              + "; only a "
              + expected.label()
              + " session can be "
              + verb
              + ".");
    }
  }

  static CandorException unknown(SessionId id) {
    return CandorException.notFound("There is no session " + id + ". See: sessions");
  }
}
