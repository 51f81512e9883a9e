package dev.candor.core.schedule;

import dev.candor.core.CandorSettings;
import dev.candor.core.Checks;
import dev.candor.core.series.Series;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Database;
import dev.candor.core.store.Storage;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * Owns the Quartz scheduler: starts it, hands jobs their collaborators, and on start-up plans every
 * live session again, so that triggers lost with an in-memory store (or never written, if the
 * process died between committing a session and scheduling it) are restored. Re-planning is
 * idempotent: a trigger already stored for the same moment is kept, so a reminder that fired is not
 * fired again and one missed while Candor was down fires now (its job then decides whether it is
 * still useful).
 *
 * <p>Two stores: {@link #inMemory} for tests and a single process that may lose missed reminders on
 * restart, and {@link #jdbc} (Quartz's JobStoreTX in Candor's own database), where triggers survive
 * restarts and several instances on one PostgreSQL database form a cluster.
 */
public final class CandorScheduler implements AutoCloseable {
  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

  private final Scheduler quartz;
  private final QuartzPlanner planner;
  private final Storage storage;
  private final CandorSettings settings;
  private final Series series;

  public CandorScheduler(
      Properties quartzProperties,
      SessionJobs jobs,
      Sessions sessions,
      Storage storage,
      CandorSettings settings,
      Clock clock)
      throws SchedulerException {
    this(quartzProperties, jobs, sessions, null, storage, settings, clock);
  }

  /**
   * @param series recurring sessions, whose missing next occurrences are made at start; may be null
   */
  public CandorScheduler(
      Properties quartzProperties,
      SessionJobs jobs,
      Sessions sessions,
      Series series,
      Storage storage,
      CandorSettings settings,
      Clock clock)
      throws SchedulerException {
    this.quartz = create(quartzProperties);
    this.quartz.getContext().put(SessionJob.JOBS, jobs);
    this.planner = new QuartzPlanner(quartz, settings, clock);
    this.storage = storage;
    this.settings = settings;
    this.series = series;
    sessions.setPlanner(planner);
  }

  /**
   * Quartz keeps schedulers in a process-wide registry by name and hands out the registered one
   * instead of a new one. Candor keeps its own reference, so it takes its scheduler out of that
   * registry: two Candor instances in one process (tests, a restart) never share a scheduler.
   */
  private static Scheduler create(Properties properties) throws SchedulerException {
    Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
    SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
    return scheduler;
  }

  /** In-memory Quartz: enough when one process runs Candor and triggers are rebuilt at start-up. */
  public static Properties inMemory(String name) {
    Properties p = common(name, "NON_CLUSTERED");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
    return p;
  }

  /**
   * Quartz's JDBC job store (JobStoreTX) in Candor's database, over its connection pool; the tables
   * come from Candor's migrations. Job data is stored as properties (strings), never as serialized
   * objects.
   *
   * <p>Clustered: every instance on the same database with the same {@code instanceName} shares the
   * triggers, each firing runs on one instance only, and an instance that stops checking in has its
   * in-flight jobs recovered by another. Instance ids are generated. Only PostgreSQL is a sensible
   * cluster database (an H2 file belongs to one process).
   *
   * <p>Registers the pool with Quartz's connection manager under a name of its own, which the
   * returned properties refer to. Adjust the properties (e.g. {@code
   * org.quartz.jobStore.misfireThreshold}) before starting if needed.
   *
   * @param instanceName the scheduler name: the same for every instance of one Candor
   */
  public static Properties jdbc(Database database, String instanceName, boolean clustered) {
    Checks.notNull(database, "database");
    Checks.notBlank(instanceName, "instanceName");
    String dataSource = "candor-" + DATA_SOURCES.incrementAndGet();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSource, new DataSourceConnections(database.dataSource()));
    Properties p = common(instanceName, clustered ? "AUTO" : "NON_CLUSTERED");
    String store = "org.quartz.jobStore.";
    p.setProperty(store + "class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        store + "driverDelegateClass",
        database.isPostgres()
            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty(store + "dataSource", dataSource);
    p.setProperty(store + "tablePrefix", "QRTZ_");
    p.setProperty(store + "useProperties", "true");
    p.setProperty(store + "misfireThreshold", "60000");
    p.setProperty(store + "isClustered", Boolean.toString(clustered));
    p.setProperty(store + "clusterCheckinInterval", "7500");
    p.setProperty(store + "acquireTriggersWithinLock", "true");
    return p;
  }

  private static Properties common(String name, String instanceId) {
    Checks.notBlank(name, "name");
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", name);
    p.setProperty("org.quartz.scheduler.instanceId", instanceId);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    return p;
  }

  /**
   * Makes missing next occurrences of series, plans every live session (replacing what changed,
   * keeping what did not), schedules the release tick and starts firing.
   */
  public void start() throws SchedulerException {
    if (series != null) {
      series.catchUp();
    }
    List<ListeningSession> live =
        storage.inTransaction(
            tx ->
                tx.sessions()
                    .inStates(
                        EnumSet.of(
                            SessionState.SCHEDULED, SessionState.OPEN, SessionState.CLOSED)));
    for (ListeningSession s : live) {
      planner.planned(s);
    }
    planner.scheduleReleaseTick(settings.releaseTick());
    quartz.start();
  }

  public QuartzPlanner planner() {
    return planner;
  }

  /** This node's Quartz instance id when the job store is clustered; empty otherwise. */
  public Optional<String> clusterNode() {
    try {
      return quartz().getMetaData().isJobStoreClustered()
          ? Optional.of(quartz().getSchedulerInstanceId())
          : Optional.empty();
    } catch (SchedulerException e) {
      throw new IllegalStateException("the scheduler cannot describe itself", e);
    }
  }

  public Scheduler quartz() {
    return quartz;
  }

  /** Stops firing, waiting for running jobs to finish. */
  @Override
  public void close() throws SchedulerException {
    quartz.shutdown(true);
  }
}
