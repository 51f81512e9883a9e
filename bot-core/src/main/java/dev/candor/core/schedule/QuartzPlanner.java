package dev.candor.core.schedule;

import dev.candor.core.CandorSettings;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPlanner;
import dev.candor.core.session.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a session's schedule into Quartz triggers: reminders before the start, open at the start,
 * "intake closes soon" before the end, close at the end, archive after the retention period.
 *
 * <p>Planning is idempotent. A trigger already stored for the same moment is kept as it is, so
 * planning again (at every start-up, or from another cluster member) neither re-fires a reminder
 * that fired nor drops one that was missed while Candor was down: that one is still stored and
 * fires at once on its misfire instruction. A reminder whose moment passed without a stored trigger
 * (the session was scheduled or moved after it) is not planned at all. Open, close and archive
 * always happen, late if need be.
 *
 * <p>Every trigger names its misfire instruction: fire now, and let the job decide whether it is
 * still useful; the repeating release tick skips missed runs instead.
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

  /** One wanted trigger. {@code always}: planned even when its moment has passed. */
  private record Wanted(SessionJobs.Action action, Duration lead, Instant at, boolean always) {
    String name() {
      return name(action, lead);
    }

    static String name(SessionJobs.Action action, Duration lead) {
      return action.name().toLowerCase(Locale.ROOT) + "-" + lead.toSeconds();
    }
  }

  @Override
  public void planned(ListeningSession s) {
    try {
      Map<String, Wanted> wanted = wanted(s);
      for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group(s.id())))) {
        if (!wanted.containsKey(key.getName())) {
          quartz.deleteJob(key);
        }
      }
      Instant now = clock.instant();
      for (Wanted w : wanted.values()) {
        plan(s.id(), w, now);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule session " + s.id(), e);
    }
  }

  private Map<String, Wanted> wanted(ListeningSession s) {
    Map<String, Wanted> wanted = new LinkedHashMap<>();
    if (s.state() == SessionState.SCHEDULED) {
      for (Duration lead : s.settings().reminderOffsets()) {
        put(wanted, new Wanted(SessionJobs.Action.REMIND, lead, s.startsAt().minus(lead), false));
      }
      put(wanted, new Wanted(SessionJobs.Action.OPEN, Duration.ZERO, s.startsAt(), true));
    }
    if (s.state() == SessionState.SCHEDULED || s.state() == SessionState.OPEN) {
      Duration lead = settings.intakeClosingLead();
      Instant at = s.endsAt().minus(lead);
      if (!lead.isZero() && at.isAfter(s.startsAt())) {
        put(wanted, new Wanted(SessionJobs.Action.INTAKE_CLOSING, lead, at, false));
      }
      put(wanted, new Wanted(SessionJobs.Action.CLOSE, Duration.ZERO, s.endsAt(), true));
    }
    if (s.state() == SessionState.CLOSED) {
      Instant from = s.endsAt().isAfter(clock.instant()) ? s.endsAt() : clock.instant();
      put(
          wanted,
          new Wanted(
              SessionJobs.Action.ARCHIVE, Duration.ZERO, from.plus(settings.archiveAfter()), true));
    }
    return wanted;
  }

  private static void put(Map<String, Wanted> wanted, Wanted w) {
    wanted.put(w.name(), w);
  }

  private void plan(SessionId id, Wanted w, Instant now) throws SchedulerException {
    Trigger stored = quartz.getTrigger(TriggerKey.triggerKey(w.name(), group(id)));
    if (stored != null && keep(stored, w)) {
      return;
    }
    if (w.at().isAfter(now) || w.always()) {
      JobDetail job =
          JobBuilder.newJob(SessionJob.class)
              .withIdentity(w.name(), group(id))
              .usingJobData(SessionJob.SESSION, Long.toString(id.value()))
              .usingJobData(SessionJob.ACTION, w.action().name())
              .usingJobData(SessionJob.LEAD_SECONDS, Long.toString(w.lead().toSeconds()))
              .requestRecovery(true)
              .build();
      // A moment already past is planned for now, not in the past: a JDBC store would otherwise
      // wait for its misfire handler to notice.
      Instant at = w.at().isAfter(now) ? w.at() : now;
      quartz.scheduleJob(job, Set.of(oneShot(w.name(), group(id), at)), true);
      log.debug("session {}: {} at {}", id, w.name(), at);
    } else if (stored != null) {
      quartz.deleteJob(JobKey.jobKey(w.name(), group(id)));
    }
  }

  /**
   * A stored trigger stays if it is for the same moment (whether that passed or not); the archive
   * trigger stays whenever it exists, since its moment was fixed when the session closed.
   */
  private static boolean keep(Trigger stored, Wanted w) {
    if (w.action() == SessionJobs.Action.ARCHIVE) {
      return true;
    }
    // Quartz keeps milliseconds; session times may carry microseconds.
    return stored.getStartTime().toInstant().equals(w.at().truncatedTo(ChronoUnit.MILLIS));
  }

  /** A trigger that fires once at {@code at}, and at once if that was missed. */
  static Trigger oneShot(String name, String group, Instant at) {
    return TriggerBuilder.newTrigger()
        .withIdentity(name, group)
        .startAt(Date.from(at))
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }

  @Override
  public void unplanned(SessionId id) {
    try {
      List<JobKey> keys = List.copyOf(quartz.getJobKeys(GroupMatcher.jobGroupEquals(group(id))));
      if (!keys.isEmpty()) {
        quartz.deleteJobs(keys);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule session " + id, e);
    }
  }

  /** Schedules the repeating release check, once per scheduler. */
  public void scheduleReleaseTick(Duration every) throws SchedulerException {
    JobKey key = JobKey.jobKey(RELEASE_TICK, "candor");
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
    quartz.scheduleJob(job, Set.of(trigger), true);
  }

  static String group(SessionId id) {
    return "session-" + id.value();
  }
}
