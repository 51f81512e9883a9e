package dev.candor.core.question;

import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.Target;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tells moderators when votes on one question arrive far faster than the session's norm: more than
 * {@code max(20, 5 × median)} within a sliding minute, where the median is taken over the session's
 * questions on the board (those without votes count as zero) of their average votes per minute. A
 * burst like that may be a popular question or a coordinated push; moderators decide, and nothing
 * in the alert says who voted.
 *
 * <p>Kept in memory only: the database never holds a time per vote. The alert is delivered at the
 * next whole minute and names no count finer than the limit, so it does not tell when any one
 * person voted. Each question alerts at most once an hour. With several Candor instances behind a
 * load balancer each sees only its share of the votes, so the limit applies per instance.
 */
public final class VoteAnomalies implements VoteListener {
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int FLOOR = 20;
  static final int FACTOR = 5;
  static final Duration QUIET = Duration.ofHours(1);
  private static final Duration FORGET = Duration.ofHours(6);

  private final Clock clock;
  private final ConcurrentMap<SessionId, Rates> sessions = new ConcurrentHashMap<>();

  public VoteAnomalies(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void voted(Tx tx, ListeningSession s, QuestionId question, int tally) {
    Instant now = clock.instant();
    Rates rates = sessions.computeIfAbsent(s.id(), id -> new Rates(now));
    if (rates.countDue(now)) {
      int onBoard =
          (int) tx.questions().bySession(s.id()).stream().filter(q -> q.status().onBoard()).count();
      rates.counted(onBoard, now);
    }
    int limit;
    synchronized (rates) {
      int inWindow = rates.record(question, now);
      limit = Math.max(FLOOR, (int) Math.ceil(FACTOR * rates.medianPerMinute(now)));
      if (inWindow <= limit || !rates.mayAlert(question, now)) {
        forgetIdle(now);
        return;
      }
    }
    alert(tx, s, question, limit, now);
  }

  private void alert(Tx tx, ListeningSession s, QuestionId question, int limit, Instant now) {
    Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    long hour = now.getEpochSecond() / 3600;
    String text =
        "Unusual voting in "
            + s.id()
            + ": "
            + question
            + " received more than "
            + limit
            + " votes within a minute, well above this session's usual pace. Nothing here says who"
            + " voted; a popular question and a coordinated push look alike, so look before"
            + " acting.";
    for (UserRef to : Sessions.summaryRecipients(s)) {
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  "anomaly:" + s.id() + ":" + question + ":" + hour + ":" + to,
                  s.id(),
                  Target.direct(to),
                  NoticeKind.MODERATOR_ALERT,
                  Escalations.payload(text),
                  nextMinute,
                  nextMinute));
    }
  }

  private void forgetIdle(Instant now) {
    sessions.values().removeIf(r -> r.idleSince(now).compareTo(FORGET) > 0);
  }

  /** The vote arrivals of one session's questions, in memory. */
  private static final class Rates {
    private final Instant since;
    private final Map<QuestionId, Deque<Instant>> recent = new HashMap<>();
    private final Map<QuestionId, Integer> counts = new HashMap<>();
    private final Map<QuestionId, Instant> alerted = new HashMap<>();
    private volatile Instant last;
    private volatile Instant countedAt;
    private volatile int onBoard;

    Rates(Instant since) {
      this.since = since;
      this.last = since;
    }

    /** Records a vote and returns how many the question got within the window. */
    int record(QuestionId q, Instant now) {
      last = now;
      counts.merge(q, 1, Integer::sum);
      Deque<Instant> times = recent.computeIfAbsent(q, k -> new ArrayDeque<>());
      times.addLast(now);
      Instant from = now.minus(WINDOW);
      while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
        times.removeFirst();
      }
      return times.size();
    }

    /** Whether the number of questions on the board should be read again (once a minute). */
    boolean countDue(Instant now) {
      return countedAt == null || Duration.between(countedAt, now).compareTo(WINDOW) >= 0;
    }

    void counted(int questionsOnBoard, Instant now) {
      onBoard = questionsOnBoard;
      countedAt = now;
    }

    /**
     * The median over the questions on the board of their votes per minute since watching began;
     * questions nobody voted for count as zero.
     */
    double medianPerMinute(Instant now) {
      double minutes = Math.max(1.0, Duration.between(since, now).toMillis() / 60_000.0);
      List<Double> rates = new ArrayList<>(Math.max(onBoard, counts.size()));
      counts.values().forEach(c -> rates.add(c / minutes));
      while (rates.size() < onBoard) {
        rates.add(0.0);
      }
      Collections.sort(rates);
      int n = rates.size();
      return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    }

    boolean mayAlert(QuestionId q, Instant now) {
      Instant before = alerted.get(q);
      if (before != null && Duration.between(before, now).compareTo(QUIET) < 0) {
        return false;
      }
      alerted.put(q, now);
      return true;
    }

    Duration idleSince(Instant now) {
      return Duration.between(last, now);
    }
  }
}
