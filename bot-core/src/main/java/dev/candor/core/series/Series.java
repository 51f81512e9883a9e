package dev.candor.core.series;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionFollowUp;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring sessions. A series always has exactly one occurrence that is scheduled or open: the
 * next one is made when the current one closes or is cancelled, so people can ask ahead for it from
 * then on, and a channel never has two occurrences of one series taking questions (which would make
 * {@code ask} without a session id ambiguous). The next occurrence copies the rules, channels and
 * moderators of the previous one; occurrences whose time passed while Candor was down are skipped.
 * {@code stop} ends the series after a given occurrence.
 */
public final class Series implements SessionFollowUp {
  private static final Logger log = LoggerFactory.getLogger(Series.class);
  private final Storage storage;
  private final Sessions sessions;
  private final Clock clock;

  public Series(Storage storage, Sessions sessions, Clock clock) {
    this.storage = storage;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** A new series and its first occurrence. */
  public record Created(SessionSeries series, ListeningSession first) {}

  /**
   * Creates a series (organizers only) whose first occurrence is {@code first}, which must start on
   * the rule; later occurrences last as long as the first.
   */
  public Created create(Actor actor, NewSession first, Recurrence rule) {
    sessions.access().requireOrganizer(actor, "schedule sessions");
    LocalDate firstDate = LocalDate.ofInstant(first.startsAt(), rule.zone());
    if (!rule.start(firstDate, 1).toInstant().equals(first.startsAt())) {
      throw new IllegalArgumentException("the first occurrence must start on the rule");
    }
    if (!first.startsAt().isAfter(clock.instant())) {
      throw CandorException.invalid("The first occurrence is in the past. Try a later time.");
    }
    Duration length = Duration.between(first.startsAt(), first.endsAt());
    Created created =
        storage.inTransaction(
            tx -> {
              SessionSeries series =
                  tx.sessions()
                      .series()
                      .insert(
                          new SessionSeries(null, first.title(), rule, firstDate, length, null));
              ListeningSession s = sessions.create(tx, actor.ref(), first);
              tx.sessions().series().link(s.id(), series.id(), 1);
              return new Created(series, s);
            });
    sessions.planned(created.first());
    log.info(
        "{} created by an organizer; first occurrence {}",
        created.series().id(),
        created.first().id());
    return created;
  }

  /** Makes the next occurrence once one has ended; see the class comment. */
  @Override
  public Optional<ListeningSession> ended(ListeningSession session) {
    return storage.inTransaction(
        tx -> tx.sessions().series().occurrenceOf(session.id()).flatMap(o -> next(tx, o.series())));
  }

  /**
   * Makes the next occurrence of every running series whose latest occurrence is over, e.g. because
   * Candor stopped between closing one and making the next. Returns what it made.
   */
  public List<ListeningSession> catchUp() {
    List<SessionSeries> running = storage.inTransaction(tx -> tx.sessions().series().running());
    List<ListeningSession> made = new ArrayList<>();
    for (SessionSeries s : running) {
      storage.inTransaction(tx -> next(tx, s.id())).ifPresent(made::add);
    }
    return made;
  }

  /** Where a series stands after {@code stop}. */
  public record Stopped(SeriesId series, int lastOccurrence, Optional<SessionId> cancelled) {}

  /**
   * Ends the series of {@code session} after that occurrence (organizers only): no later occurrence
   * is made, and one already made is cancelled.
   */
  public Stopped stop(Actor actor, SessionId session) {
    sessions.access().requireOrganizer(actor, "stop a series");
    Stopped stopped =
        storage.inTransaction(
            tx -> {
              Occurrence o = occurrence(tx, session);
              tx.sessions().series().lock(o.series());
              tx.sessions().series().stopAfter(o.series(), o.number());
              Optional<SessionId> later =
                  tx.sessions().series().after(o.series(), o.number()).map(Occurrence::session);
              return new Stopped(o.series(), o.number(), later);
            });
    stopped
        .cancelled()
        .ifPresent(
            id -> {
              if (!sessions.get(id).state().isOver()) {
                sessions.cancel(id);
              }
            });
    log.info("{} stopped after occurrence {}", stopped.series(), stopped.lastOccurrence());
    return stopped;
  }

  /** The occurrence a session is, or a plain answer that it is not part of a series. */
  static Occurrence occurrence(Tx tx, SessionId session) {
    ListeningSession s = tx.sessions().find(session).orElseThrow(() -> unknown(session));
    return tx.sessions()
        .series()
        .occurrenceOf(s.id())
        .orElseThrow(
            () ->
                CandorException.invalid(
                    session
                        + " is a one-off session, not part of a series. Recurring sessions are"
                        + " scheduled with: schedule \"<title>\" every week thu 15:00"));
  }

  private Optional<ListeningSession> next(Tx tx, SeriesId id) {
    Optional<SessionSeries> locked = tx.sessions().series().lock(id);
    Optional<Occurrence> latest = tx.sessions().series().latest(id);
    if (locked.isEmpty() || latest.isEmpty()) {
      return Optional.empty();
    }
    SessionSeries series = locked.get();
    ListeningSession previous = tx.sessions().find(latest.get().session()).orElseThrow();
    if (!previous.state().isOver()) {
      return Optional.empty(); // the one live occurrence exists already
    }
    Instant now = clock.instant();
    int n = series.rule().firstNumberAfter(series.firstDate(), latest.get().number() + 1, now);
    if (!series.allows(n)) {
      return Optional.empty();
    }
    Instant start = series.start(n).toInstant();
    NewSession request =
        new NewSession(
            series.title(),
            start,
            start.plus(series.duration()),
            series.rule().zone(),
            previous.audience(),
            previous.moderators(),
            previous.settings());
    ListeningSession made = sessions.create(tx, previous.createdBy(), request);
    tx.sessions().series().link(made.id(), id, n);
    log.info("{}: occurrence {} is session {}", id, n, made.id());
    return Optional.of(made);
  }

  static CandorException unknown(SessionId id) {
    return CandorException.notFound("There is no session " + id + ". See: sessions");
  }

  /** Whether the session takes questions, for carry-over. */
  static boolean takesQuestions(ListeningSession s) {
    return s.state() == SessionState.SCHEDULED || s.state() == SessionState.OPEN;
  }
}
