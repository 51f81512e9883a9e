package dev.candor.core.schedule;

import dev.candor.core.session.SessionId;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Quartz job behind every session trigger. Its data map holds ids and numbers only. */
@DisallowConcurrentExecution
public final class SessionJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(SessionJob.class);
  static final String SESSION = "session";
  static final String ACTION = "action";
  static final String LEAD_SECONDS = "leadSeconds";
  static final String JOBS = "candor.jobs";

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    JobDataMap data = context.getMergedJobDataMap();
    SessionId id = new SessionId(data.getLong(SESSION));
    SessionJobs.Action action = SessionJobs.Action.valueOf(data.getString(ACTION));
    Duration lead = Duration.ofSeconds(data.getLong(LEAD_SECONDS));
    try {
      jobs(context).run(id, action, lead);
    } catch (dev.candor.core.CandorException e) {
      // The session moved on (cancelled, closed by hand): nothing to do, and nothing to retry.
      log.info("session {}: {} not needed: {}", id, action, e.getMessage());
    } catch (RuntimeException e) {
      log.error("session {}: {} failed: {}", id, action, e.toString());
      JobExecutionException retry = new JobExecutionException(e);
      retry.setRefireImmediately(false);
      throw retry;
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
