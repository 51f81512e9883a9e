package dev.candor.core.session;

import dev.candor.core.Checks;
import java.time.Duration;
import java.util.List;

/**
 * The rules one session runs by; defaults come from configuration and may be overridden per
 * session.
 *
 * @param minAskers k: questions are released only once this many distinct people have asked, and
 *     participation figures below it are suppressed (at least 3)
 * @param releaseInterval how often pending questions are released in a shuffled batch; zero
 *     releases at once (for tests and demos)
 * @param premoderated whether a moderator must approve each question before release
 * @param maxQuestionsPerPerson how many questions one person may have in the session
 * @param askCooldown the least time between two questions of one person
 * @param reminderOffsets how long before the start reminders go out, largest first
 */
public record SessionSettings(
    int minAskers,
    Duration releaseInterval,
    boolean premoderated,
    int maxQuestionsPerPerson,
    Duration askCooldown,
    List<Duration> reminderOffsets) {

  /** The floor for k: below three, a released question could be traced to one of two people. */
  public static final int MIN_K = 3;

  public SessionSettings {
    Checks.check(minAskers >= MIN_K, "minAskers must be at least " + MIN_K + ", was " + minAskers);
    Checks.notNull(releaseInterval, "releaseInterval");
    Checks.check(!releaseInterval.isNegative(), "releaseInterval may not be negative");
    Checks.check(maxQuestionsPerPerson >= 1, "maxQuestionsPerPerson must be at least 1");
    Checks.notNull(askCooldown, "askCooldown");
    Checks.check(!askCooldown.isNegative(), "askCooldown may not be negative");
    reminderOffsets =
        List.copyOf(reminderOffsets).stream().sorted(java.util.Comparator.reverseOrder()).toList();
  }

  /** The documented defaults: k=5, batches every 2 minutes, 10 questions, 10 s apart. */
  public static SessionSettings defaults() {
    return new SessionSettings(
        5,
        Duration.ofMinutes(2),
        false,
        10,
        Duration.ofSeconds(10),
        List.of(Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(10)));
  }

  public SessionSettings withMinAskers(int k) {
    return new SessionSettings(
        k, releaseInterval, premoderated, maxQuestionsPerPerson, askCooldown, reminderOffsets);
  }

  public SessionSettings withReleaseInterval(Duration interval) {
    return new SessionSettings(
        minAskers, interval, premoderated, maxQuestionsPerPerson, askCooldown, reminderOffsets);
  }

  public SessionSettings withPremoderation(boolean on) {
    return new SessionSettings(
        minAskers, releaseInterval, on, maxQuestionsPerPerson, askCooldown, reminderOffsets);
  }

  public SessionSettings withLimits(int maxQuestions, Duration cooldown) {
    return new SessionSettings(
        minAskers, releaseInterval, premoderated, maxQuestions, cooldown, reminderOffsets);
  }

  public SessionSettings withReminderOffsets(List<Duration> offsets) {
    return new SessionSettings(
        minAskers, releaseInterval, premoderated, maxQuestionsPerPerson, askCooldown, offsets);
  }
}
