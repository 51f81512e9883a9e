package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * {@code reschedule} moves a scheduled session and replaces its triggers; {@code cancel} removes
 * them; {@code reminders} sets a session's own offsets. The fixture's clock stands at Monday 2
 * March 2026, 09:00 UTC; the default zone is UTC.
 */
class RescheduleTest {
  private Scheduler quartz;

  @BeforeEach
  void quartz() throws SchedulerException {
    quartz =
        new StdSchedulerFactory(CandorScheduler.inMemory("reschedule-" + UUID.randomUUID()))
            .getScheduler();
  }

  @AfterEach
  void stop() throws SchedulerException {
    quartz.shutdown();
  }

  @Test
  void givenReschedule_thenTheSessionMovesKeepsItsLengthAndItsTriggersFollow()
      throws SchedulerException {
    try (TestCandor t = planned(TestCandor.withDefaults())) {
      ListeningSession s = t.scheduleSession();

      Reply reply = t.command(t.moderator(), "reschedule " + s.id() + " tomorrow 16:00");

      assertThat(reply).as(PlainText.render(reply)).isInstanceOf(Reply.Scheduled.class);
      ListeningSession moved = t.session(s.id());
      assertThat(moved.startsAt()).isEqualTo(Instant.parse("2026-03-03T16:00:00Z"));
      assertThat(moved.endsAt()).isEqualTo(Instant.parse("2026-03-03T17:00:00Z"));
      assertThat(triggers(s.id()))
          .containsEntry("remind-86400", Instant.parse("2026-03-02T16:00:00Z"))
          .containsEntry("remind-3600", Instant.parse("2026-03-03T15:00:00Z"))
          .containsEntry("open-0", moved.startsAt())
          .containsEntry("close-0", moved.endsAt())
          .hasSize(6);
    }
  }

  @Test
  void givenRescheduleWithoutTz_thenTheStartIsReadInTheSessionsOwnZone() {
    try (TestCandor t = planned(TestCandor.withDefaults())) {
      t.command(t.organizer(), "schedule Townhall tomorrow 15:00 tz America/New_York for 45m");
      SessionId id = new SessionId(1);

      t.command(t.organizer(), "reschedule s1 2026-03-10 15:00 for 30m");

      assertThat(t.session(id).startsAt()).isEqualTo(Instant.parse("2026-03-10T19:00:00Z"));
      assertThat(t.session(id).endsAt()).isEqualTo(Instant.parse("2026-03-10T19:30:00Z"));
      t.command(t.organizer(), "reschedule s1 2026-03-10 15:00 tz Europe/Berlin");
      assertThat(t.session(id).startsAt()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
    }
  }

  @Test
  void givenRescheduledSession_thenItsRemindersGoOutAgainForTheNewStart() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));

      t.command(t.organizer(), "reschedule " + s.id() + " in 3h");
      t.clock().advance(Duration.ofHours(2));
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));

      assertThat(t.outbox()).hasSize(2);
    }
  }

  @Test
  void givenRescheduleByAParticipantIntoThePastOrOfAnOpenSession_thenItIsRefusedPlainly() {
    try (TestCandor t = planned(TestCandor.withDefaults())) {
      ListeningSession s = t.scheduleSession();
      ListeningSession open = t.scheduleSession();
      t.candor().sessions().open(t.moderator(), open.id());

      String byParticipant =
          PlainText.render(t.command(TestCandor.participant(1), "reschedule " + s.id() + " in 2h"));
      String intoThePast =
          PlainText.render(t.command(t.moderator(), "reschedule " + s.id() + " 2026-03-01 10:00"));
      String whileOpen =
          PlainText.render(t.command(t.moderator(), "reschedule " + open.id() + " in 2h"));

      assertThat(byParticipant).contains("Only moderators of " + s.id() + " can reschedule it");
      assertThat(intoThePast).contains("is in the past");
      assertThat(whileOpen).contains("only a scheduled session can be rescheduled");
      assertThat(t.session(s.id()).startsAt()).isEqualTo(s.startsAt());
    }
  }

  @Test
  void givenCancel_thenEveryTriggerOfTheSessionIsRemoved() throws SchedulerException {
    try (TestCandor t = planned(TestCandor.withDefaults())) {
      ListeningSession s = t.scheduleSession();
      assertThat(triggers(s.id())).isNotEmpty();

      t.command(t.organizer(), "cancel " + s.id());

      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.CANCELLED);
      assertThat(triggers(s.id())).isEmpty();
    }
  }

  @Test
  void givenRemindersOption_thenTheSessionHasItsOwnOffsetsAndTriggers() throws SchedulerException {
    try (TestCandor t = planned(TestCandor.withDefaults())) {
      t.command(t.organizer(), "schedule Townhall tomorrow 15:00 reminders 2h,15m");
      t.command(t.organizer(), "schedule Quiet tomorrow 16:00 reminders none");

      assertThat(t.session(new SessionId(1)).settings().reminderOffsets())
          .containsExactly(Duration.ofHours(2), Duration.ofMinutes(15));
      assertThat(triggers(new SessionId(1)).keySet())
          .filteredOn(n -> n.startsWith("remind-"))
          .containsExactlyInAnyOrder("remind-7200", "remind-900");
      assertThat(t.session(new SessionId(2)).settings().reminderOffsets()).isEmpty();
      assertThat(triggers(new SessionId(2)).keySet()).noneMatch(n -> n.startsWith("remind-"));
    }
  }

  @Test
  void givenBadReminders_thenTheAnswerSaysHowToWriteThem() {
    try (TestCandor t = TestCandor.withDefaults()) {
      List<String> answers =
          List.of("reminders", "reminders 10s", "reminders soon").stream()
              .map(
                  r -> PlainText.render(t.command(t.organizer(), "schedule X tomorrow 15:00 " + r)))
              .toList();

      assertThat(answers.get(0)).contains("Missing value after 'reminders'");
      assertThat(answers.get(1)).contains("A reminder goes out between 1m and 30d");
      assertThat(answers.get(2)).contains("'soon' is not a duration");
      assertThat(t.count("sessions")).isZero();
    }
  }

  /** Connects the fixture's sessions to a Quartz scheduler that is never started. */
  private TestCandor planned(TestCandor t) {
    t.candor().sessions().setPlanner(new QuartzPlanner(quartz, t.candor().settings(), t.clock()));
    return t;
  }

  private Map<String, Instant> triggers(SessionId id) throws SchedulerException {
    Map<String, Instant> found = new TreeMap<>();
    for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(QuartzPlanner.group(id)))) {
      for (Trigger trigger : quartz.getTriggersOfJob(key)) {
        found.put(key.getName(), trigger.getStartTime().toInstant());
      }
    }
    return found;
  }
}
