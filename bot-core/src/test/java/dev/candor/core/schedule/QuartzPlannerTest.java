package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The triggers a session gets, read back from a Quartz scheduler that is never started: their
 * times, their misfire instruction, and the little data their jobs carry.
 */
class QuartzPlannerTest {
  private Scheduler quartz;

  @BeforeEach
  void quartz() throws SchedulerException {
    quartz =
        new StdSchedulerFactory(CandorScheduler.inMemory("planner-test-" + UUID.randomUUID()))
            .getScheduler();
  }

  @AfterEach
  void stop() throws SchedulerException {
    quartz.shutdown();
  }

  @Test
  void givenSessionTwoDaysAhead_thenEveryReminderOpenIntakeClosingAndCloseArePlanned()
      throws SchedulerException {
    try (TestCandor t =
        TestCandor.create().withSessionTimes(Duration.ofDays(2), Duration.ofHours(1)).build()) {
      ListeningSession s = t.scheduleSession();

      planner(t).planned(s);

      assertThat(triggers(s))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "remind-86400", s.startsAt().minus(Duration.ofHours(24)),
                  "remind-3600", s.startsAt().minus(Duration.ofHours(1)),
                  "remind-600", s.startsAt().minus(Duration.ofMinutes(10)),
                  "open-0", s.startsAt(),
                  "intake_closing-900", s.endsAt().minus(Duration.ofMinutes(15)),
                  "close-0", s.endsAt()));
    }
  }

  @Test
  void givenPlannedSession_thenEveryTriggerFiresNowOnMisfireAndItsJobCarriesOnlyIds()
      throws SchedulerException {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();

      planner(t).planned(s);

      for (JobKey key :
          quartz.getJobKeys(GroupMatcher.jobGroupEquals(QuartzPlanner.group(s.id())))) {
        Trigger trigger = quartz.getTriggersOfJob(key).get(0);
        assertThat(trigger.getMisfireInstruction())
            .as(key.getName())
            .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
        JobDataMap data = quartz.getJobDetail(key).getJobDataMap();
        assertThat(data.keySet())
            .containsExactlyInAnyOrder(
                SessionJob.SESSION, SessionJob.ACTION, SessionJob.LEAD_SECONDS);
        assertThat(data.getLong(SessionJob.SESSION)).isEqualTo(s.id().value());
        assertThat(quartz.getJobDetail(key).requestsRecovery()).isTrue();
      }
    }
  }

  @Test
  void givenSessionPlannedTwice_thenItsTriggersAreReplacedNotDoubled() throws SchedulerException {
    try (TestCandor t =
        TestCandor.create().withSessionTimes(Duration.ofDays(2), Duration.ofHours(1)).build()) {
      ListeningSession s = t.scheduleSession();
      QuartzPlanner planner = planner(t);

      planner.planned(s);
      planner.planned(s);

      assertThat(triggers(s)).hasSize(6);
    }
  }

  @Test
  void givenUnplannedSession_thenNoTriggerIsLeft() throws SchedulerException {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuartzPlanner planner = planner(t);
      planner.planned(s);

      planner.unplanned(s.id());

      assertThat(triggers(s)).isEmpty();
    }
  }

  @Test
  void givenClosedSession_thenOnlyTheArchiveIsPlannedAfterTheRetentionPeriod()
      throws SchedulerException {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      ListeningSession closed = t.candor().sessions().close(t.moderator(), s.id());
      assertThat(closed.state()).isEqualTo(SessionState.CLOSED);

      planner(t).planned(closed);

      assertThat(triggers(s))
          .containsExactly(
              Map.entry("archive-0", s.endsAt().plus(t.candor().settings().archiveAfter())));
    }
  }

  @Test
  void givenOpenSession_thenNoStartRemindersButIntakeClosingAndCloseArePlanned()
      throws SchedulerException {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.startsAt());
      ListeningSession open = t.candor().sessions().open(t.moderator(), s.id());

      planner(t).planned(open);

      assertThat(triggers(s).keySet()).containsExactlyInAnyOrder("intake_closing-900", "close-0");
    }
  }

  @Test
  void givenSessionStartingInThirtyMinutes_thenOnlyTheTenMinuteReminderIsPlanned()
      throws SchedulerException {
    try (TestCandor t =
        TestCandor.create().withSessionTimes(Duration.ofMinutes(30), Duration.ofHours(1)).build()) {
      ListeningSession s = t.scheduleSession();

      planner(t).planned(s);

      assertThat(triggers(s).keySet())
          .filteredOn(name -> name.startsWith("remind-"))
          .containsExactly("remind-600");
    }
  }

  @Test
  void givenReleaseTick_thenItRepeatsForeverAndSkipsMissedRunsOnMisfire()
      throws SchedulerException {
    try (TestCandor t = TestCandor.withDefaults()) {
      planner(t).scheduleReleaseTick(Duration.ofSeconds(5));
      planner(t).scheduleReleaseTick(Duration.ofSeconds(5));

      SimpleTrigger tick =
          (SimpleTrigger) quartz.getTriggersOfJob(JobKey.jobKey("release-tick", "candor")).get(0);
      assertThat(tick.getRepeatInterval()).isEqualTo(5000);
      assertThat(tick.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
      assertThat(tick.getMisfireInstruction())
          .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
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
