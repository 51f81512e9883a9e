package dev.candor.core.schedule;

import dev.candor.core.CandorException;
import dev.candor.core.Failures;
import dev.candor.core.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job behind every session trigger. Its data map holds ids and numbers only, as strings
 * (the JDBC store keeps job data as properties).
 */
@DisallowConcurrentExecution
public final class SessionJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(SessionJob.class);
  static final String SESSION = "session";
  static final String ACTION = "action";
  static final String LEAD_SECONDS = "leadSeconds";
  static final String JOBS = "candor.jobs";

  /** How long after a failure (e.g. the database was unreachable) a job is tried again. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    JobDataMap data = context.getMergedJobDataMap();
    SessionId id = new SessionId(data.getLong(SESSION));
    SessionJobs.Action action = SessionJobs.Action.valueOf(data.getString(ACTION));
    Duration lead = Duration.ofSeconds(data.getLong(LEAD_SECONDS));
    try {
      jobs(context).run(id, action, lead);
    } catch (CandorException e) {
      // The session moved on (cancelled, closed by hand): nothing to do, and nothing to retry.
      log.info("session {}: {} not needed: {}", id, action, e.getMessage());
    } catch (RuntimeException e) {
      log.error(
          "session {}: {} failed, retrying in {} s: {}",
          id,
          action,
          RETRY_AFTER.toSeconds(),
          Failures.describe(e));
      retryLater(context);
    }
  }

  /**
   * Open, close and archive must happen, late if need be, so a failed firing gets another trigger;
   * the job is idempotent and checks the session's state, so a retry that is no longer needed does
   * nothing.
   */
  private static void retryLater(JobExecutionContext context) throws JobExecutionException {
    String name = context.getTrigger().getKey().getName();
    String retry = name.endsWith("-retry") ? name : name + "-retry";
    try {
      context
          .getScheduler()
          .rescheduleJob(
              context.getTrigger().getKey(),
              QuartzPlanner.oneShot(
                      retry,
                      context.getJobDetail().getKey().getGroup(),
                      Instant.now().plus(RETRY_AFTER))
                  .getTriggerBuilder()
                  .forJob(context.getJobDetail())
                  .build());
    } catch (SchedulerException e) {
      throw new JobExecutionException(e);
    }
  }

  static SessionJobs jobs(JobExecutionContext context) throws JobExecutionException {
    try {
      return (SessionJobs) context.getScheduler().getContext().get(JOBS);
    } catch (SchedulerException e) {
      throw new JobExecutionException(e);
    }
  }
}
