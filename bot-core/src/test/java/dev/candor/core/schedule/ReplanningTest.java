package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Planning again (every start-up, every cluster member) is idempotent: what is stored for the same
 * moment stays, a reminder that fired is not planned again, and open and close are planned even
 * when their moment has passed. Read back from a Quartz scheduler that is never started.
 */
class ReplanningTest {
  private static final Duration DAY = Duration.ofDays(1);
  private Scheduler quartz;

  @BeforeEach
  void quartz() throws SchedulerException {
    quartz =
        new StdSchedulerFactory(CandorScheduler.inMemory("replanning-" + UUID.randomUUID()))
            .getScheduler();
  }

  @AfterEach
  void stop() throws SchedulerException {
    quartz.shutdown();
  }

  @Test
  void givenReminderMissedWhileDown_whenPlannedAgain_thenItsStoredTriggerStaysToFireAtOnce()
      throws SchedulerException {
    try (TestCandor t = TestCandor.create().withSessionTimes(Duration.ofDays(2), DAY).build()) {
      ListeningSession s = t.scheduleSession();
      QuartzPlanner planner = planner(t);
      planner.planned(s);
      Instant missed = s.startsAt().minus(DAY);
      t.clock().set(missed.plusSeconds(600));

      planner.planned(s);

      assertThat(triggers(s)).containsEntry("remind-86400", missed).hasSize(6);
    }
  }

  @Test
  void givenReminderThatFiredAlready_whenPlannedAgain_thenItIsNotPlannedAgain()
      throws SchedulerException {
    try (TestCandor t = TestCandor.create().withSessionTimes(Duration.ofDays(2), DAY).build()) {
      ListeningSession s = t.scheduleSession();
      QuartzPlanner planner = planner(t);
      planner.planned(s);
      t.clock().set(s.startsAt().minus(DAY).plusSeconds(1));
      quartz.deleteJob(JobKey.jobKey("remind-86400", QuartzPlanner.group(s.id()))); // it fired

      planner.planned(s);

      assertThat(triggers(s).keySet())
          .containsExactlyInAnyOrder(
              "remind-3600", "remind-600", "open-0", "intake_closing-900", "close-0");
    }
  }

  @Test
  void givenStartPassedWhileDown_whenPlanned_thenOpenAndCloseAreStillPlannedForNow()
      throws SchedulerException {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.endsAt().plusSeconds(30));

      planner(t).planned(s);

      assertThat(triggers(s))
          .containsOnlyKeys("open-0", "close-0")
          .containsEntry("open-0", t.clock().instant())
          .containsEntry("close-0", t.clock().instant());
    }
  }

  @Test
  void givenTriggersOfAnotherMoment_whenPlanned_thenTheyAreReplaced() throws SchedulerException {
    try (TestCandor t = TestCandor.create().withSessionTimes(Duration.ofDays(2), DAY).build()) {
      ListeningSession s = t.scheduleSession();
      QuartzPlanner planner = planner(t);
      planner.planned(s);
      ListeningSession later =
          t.tx(
              tx -> {
                tx.sessions().updateTimes(s.id(), s.startsAt().plus(DAY), s.endsAt().plus(DAY));
                return tx.sessions().find(s.id()).orElseThrow();
              });

      planner.planned(later);

      assertThat(triggers(s))
          .containsEntry("remind-86400", later.startsAt().minus(DAY))
          .containsEntry("open-0", later.startsAt())
          .containsEntry("close-0", later.endsAt())
          .hasSize(6);
    }
  }

  @Test
  void givenNoReminders_thenOnlyTheLifecycleIsPlanned() throws SchedulerException {
    try (TestCandor t = TestCandor.create().withReminderOffsets().build()) {
      ListeningSession s = t.scheduleSession();

      planner(t).planned(s);

      assertThat(triggers(s).keySet())
          .containsExactlyInAnyOrder("open-0", "intake_closing-900", "close-0");
    }
  }

  private QuartzPlanner planner(TestCandor t) {
    return new QuartzPlanner(quartz, t.candor().settings(), t.clock());
  }

  /** Job name → first fire time, for the session's group. */
  private Map<String, Instant> triggers(ListeningSession s) throws SchedulerException {
    Map<String, Instant> found = new TreeMap<>();
    for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(QuartzPlanner.group(s.id())))) {
      for (Trigger trigger : quartz.getTriggersOfJob(key)) {
        found.put(key.getName(), trigger.getStartTime().toInstant());
      }
    }
    return found;
  }
}
