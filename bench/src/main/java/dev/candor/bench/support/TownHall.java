package dev.candor.bench.support;

import dev.candor.core.Candor;
import dev.candor.core.CandorSettings;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Organizers;
import dev.candor.core.question.AskResult;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The scene every vote benchmark plays in: one session, open, in one channel, whose questions were
 * asked by enough distinct people (k = 5) to be released, so that each vote is a real, accepted
 * vote. Voters are distinct people, one {@link Actor} per vote.
 */
public final class TownHall {
  /** k, the number of distinct askers before anything is released (Candor's default). */
  public static final int K = 5;

  /** Questions on the board; a town hall's board rarely holds more. */
  public static final int QUESTIONS = 50;

  /** The rules of the benchmark's sessions: k = 5, questions released at once, no cooldown. */
  public static final SessionSettings RULES =
      new SessionSettings(
          K,
          Duration.ZERO,
          false,
          QUESTIONS,
          Duration.ZERO,
          List.of(Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(10)));

  private TownHall() {}

  /** The open session and its released questions. */
  public record Scene(SessionId session, ChannelRef channel, List<QuestionId> questions) {
    /** The question voter {@code n} votes for: round robin over the board. */
    public QuestionId questionFor(long n) {
      return questions.get((int) (n % questions.size()));
    }
  }

  /** Core settings with {@code organizers} and the benchmark's session rules. */
  public static CandorSettings settings(String organizers) {
    return CandorSettings.defaults()
        .withOrganizers(Organizers.parse(organizers))
        .withSessionDefaults(RULES);
  }

  /**
   * Schedules a session as {@code organizer} in {@code channel}, opens it, and has {@link
   * #QUESTIONS} questions asked by {@code asker.apply(i)} (more than k distinct people), so all are
   * released.
   */
  public static Scene open(
      Candor candor, Actor organizer, ChannelRef channel, IntFunction<Actor> asker) {
    SessionId session = openEmpty(candor, organizer, channel);
    List<QuestionId> ids = new ArrayList<>();
    for (int i = 0; i < QUESTIONS; i++) {
      AskResult asked =
          candor.questions().ask(asker.apply(i), session, QuestionTexts.benchmarkQuestion(i));
      ids.add(asked.id());
    }
    long released =
        candor
            .storage()
            .inTransaction(
                tx ->
                    tx.questions().bySession(session).stream().filter(q -> q.isReleased()).count());
    if (released != QUESTIONS) {
      throw new IllegalStateException(
          "expected " + QUESTIONS + " released questions, found " + released);
    }
    return new Scene(session, channel, List.copyOf(ids));
  }

  /** Schedules a session as {@code organizer} in {@code channel} and opens it; no questions yet. */
  public static SessionId openEmpty(Candor candor, Actor organizer, ChannelRef channel) {
    Instant start = Instant.now().plus(Duration.ofMinutes(5));
    NewSession request =
        new NewSession(
            "Town hall benchmark",
            start,
            start.plus(Duration.ofHours(2)),
            ZoneId.of("UTC"),
            List.of(channel),
            List.of(organizer.ref()),
            RULES);
    ListeningSession s = candor.sessions().schedule(organizer, request);
    candor.sessions().open(organizer, s.id());
    return s.id();
  }

  /** How many votes the session holds, read through the core's own storage. */
  public static int storedVotes(Candor candor, SessionId session) {
    return candor.storage().inTransaction(tx -> tx.votes().total(session));
  }
}
