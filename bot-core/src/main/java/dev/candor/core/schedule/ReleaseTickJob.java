package dev.candor.core.schedule;

import dev.candor.core.Failures;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Releases due batches of pending questions across sessions. */
@DisallowConcurrentExecution
public final class ReleaseTickJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(ReleaseTickJob.class);

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      SessionJob.jobs(context).releaseAllDue();
    } catch (RuntimeException e) {
      log.error("release tick failed: {}", Failures.describe(e));
    }
  }
}
