package dev.candor.core.schedule;

import dev.candor.core.CandorSettings;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Owns the Quartz scheduler: starts it, hands jobs their collaborators, and on start-up plans every
 * live session again, so triggers lost with a crash (or never written, if the process died between
 * committing a session and scheduling it) are restored.
 */
public final class CandorScheduler implements AutoCloseable {
  private final Scheduler quartz;
  private final QuartzPlanner planner;
  private final Storage storage;
  private final CandorSettings settings;

  public CandorScheduler(
      Properties quartzProperties,
      SessionJobs jobs,
      Sessions sessions,
      Storage storage,
      CandorSettings settings,
      Clock clock)
      throws SchedulerException {
    this.quartz = new StdSchedulerFactory(quartzProperties).getScheduler();
    this.quartz.getContext().put(SessionJob.JOBS, jobs);
    this.planner = new QuartzPlanner(quartz, settings, clock);
    this.storage = storage;
    this.settings = settings;
    sessions.setPlanner(planner);
  }

  /** In-memory Quartz: enough when one process runs Candor and triggers are rebuilt at start-up. */
  public static Properties inMemory(String name) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", name);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
    return p;
  }

  public void start() throws SchedulerException {
    List<ListeningSession> live =
        storage.inTransaction(
            tx ->
                tx.sessions()
                    .inStates(
                        EnumSet.of(SessionState.SCHEDULED, SessionState.OPEN, SessionState.CLOSED)));
    for (ListeningSession s : live) {
      planner.planned(s);
    }
    planner.scheduleReleaseTick(settings.releaseTick());
    quartz.start();
  }

  public QuartzPlanner planner() {
    return planner;
  }

  public Scheduler quartz() {
    return quartz;
  }

  @Override
  public void close() throws SchedulerException {
    quartz.shutdown(true);
  }
}
