package dev.candor.core.schedule;

import dev.candor.core.CandorSettings;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPlanner;
import dev.candor.core.session.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a session's schedule into Quartz triggers: reminders before the start, open at the start,
 * "intake closes soon" before the end, close at the end, archive after the retention period. Every
 * trigger names its misfire instruction: fire now, and let the job decide whether it is still
 * useful.
 */
public final class QuartzPlanner implements SessionPlanner {
  private static final Logger log = LoggerFactory.getLogger(QuartzPlanner.class);
  static final String RELEASE_TICK = "release-tick";

  private final Scheduler quartz;
  private final CandorSettings settings;
  private final Clock clock;

  public QuartzPlanner(Scheduler quartz, CandorSettings settings, Clock clock) {
    this.quartz = quartz;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void planned(ListeningSession s) {
    unplanned(s.id());
    Instant now = clock.instant();
    try {
      if (s.state() == SessionState.SCHEDULED) {
        for (Duration lead : s.settings().reminderOffsets()) {
          Instant at = s.startsAt().minus(lead);
          if (s.startsAt().isAfter(now)) {
            add(s.id(), SessionJobs.Action.REMIND, lead, max(at, now));
          }
        }
        add(s.id(), SessionJobs.Action.OPEN, Duration.ZERO, s.startsAt());
      }
      if (s.state() == SessionState.SCHEDULED || s.state() == SessionState.OPEN) {
        Duration lead = settings.intakeClosingLead();
        Instant at = s.endsAt().minus(lead);
        if (!lead.isZero() && at.isAfter(s.startsAt()) && s.endsAt().isAfter(now)) {
          add(s.id(), SessionJobs.Action.INTAKE_CLOSING, lead, max(at, now));
        }
        add(s.id(), SessionJobs.Action.CLOSE, Duration.ZERO, s.endsAt());
      }
      if (s.state() == SessionState.CLOSED) {
        add(s.id(), SessionJobs.Action.ARCHIVE, Duration.ZERO,
            max(s.endsAt(), now).plus(settings.archiveAfter()));
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule session " + s.id(), e);
    }
  }

  @Override
  public void unplanned(SessionId id) {
    try {
      for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group(id)))) {
        quartz.deleteJob(key);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule session " + id, e);
    }
  }

  /** Schedules the repeating release check, once per scheduler. */
  public void scheduleReleaseTick(Duration every) throws SchedulerException {
    JobKey key = JobKey.jobKey(RELEASE_TICK, "candor");
    if (quartz.checkExists(key)) {
      quartz.deleteJob(key);
    }
    JobDetail job = JobBuilder.newJob(ReleaseTickJob.class).withIdentity(key).build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(RELEASE_TICK, "candor")
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(every.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    quartz.scheduleJob(job, trigger);
  }

  private void add(SessionId id, SessionJobs.Action action, Duration lead, Instant at)
      throws SchedulerException {
    String name = action.name().toLowerCase(java.util.Locale.ROOT) + "-" + lead.toSeconds();
    JobDetail job =
        JobBuilder.newJob(SessionJob.class)
            .withIdentity(name, group(id))
            .usingJobData(SessionJob.SESSION, id.value())
            .usingJobData(SessionJob.ACTION, action.name())
            .usingJobData(SessionJob.LEAD_SECONDS, lead.toSeconds())
            .requestRecovery(true)
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name, group(id))
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    quartz.scheduleJob(job, trigger);
    log.debug("session {}: {} at {}", id, name, at);
  }

  static String group(SessionId id) {
    return "session-" + id.value();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
