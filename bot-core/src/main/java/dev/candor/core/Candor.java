package dev.candor.core;

import dev.candor.core.command.CommandParser;
import dev.candor.core.command.Commands;
import dev.candor.core.command.InsightCommands;
import dev.candor.core.delivery.Messenger;
import dev.candor.core.delivery.NoticeComposer;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.delivery.OutboxWorker;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.identity.SessionKeys;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Escalations;
import dev.candor.core.question.Moderation;
import dev.candor.core.question.Questions;
import dev.candor.core.question.Release;
import dev.candor.core.question.VoteAnomalies;
import dev.candor.core.schedule.CandorScheduler;
import dev.candor.core.schedule.SessionJobs;
import dev.candor.core.series.CarryOver;
import dev.candor.core.series.Series;
import dev.candor.core.session.Access;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.summary.Exports;
import dev.candor.core.summary.Followups;
import dev.candor.core.summary.Policies;
import dev.candor.core.summary.Presenter;
import dev.candor.core.summary.Summaries;
import dev.candor.core.summary.Themes;
import dev.candor.core.vote.Votes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.SchedulerException;

/**
 * The core, wired: every service over one {@link Storage}, the outbox worker delivering through the
 * registered {@link Messenger}s, and the Quartz scheduler. Adapters call {@link #commands()} (or
 * the services directly, for dialogs and buttons) and render the views they get back.
 */
public final class Candor implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final CandorSettings settings;
  private final Storage storage;
  private final Clock clock;
  private final SessionKeys keys;
  private final Sessions sessions;
  private final Questions questions;
  private final Votes votes;
  private final Moderation moderation;
  private final Boards boards;
  private final Summaries summaries;
  private final Exports exports;
  private final Outbox outbox;
  private final Release release;
  private final Commands commands;
  private final SessionJobs jobs;
  private final OutboxWorker worker;
  private final Series series;
  private final CarryOver carryOver;
  private final Themes themes;
  private final Followups followups;
  private final Policies policies;
  private final Presenter presenter;
  private final Counters counters = new Counters();
  private volatile CandorScheduler scheduler;

  public Candor(CandorSettings settings, Storage storage, MasterKey masterKey, Clock clock) {
    this.settings = settings;
    this.storage = storage;
    this.clock = clock;
    this.keys = new SessionKeys(masterKey);
    Access access = new Access(settings.organizers());
    this.outbox = new Outbox(clock, settings.boardRefreshInterval());
    this.sessions = new Sessions(storage, keys, access, outbox, clock);
    this.release = new Release(clock, outbox);
    this.boards = new Boards(clock);
    this.questions =
        new Questions(storage, sessions, keys, access, release, boards, outbox, clock, counters);
    Escalations escalations = new Escalations(clock);
    this.votes =
        new Votes(
            storage,
            sessions,
            keys,
            outbox,
            List.of(escalations, new VoteAnomalies(clock)),
            counters);
    this.moderation = new Moderation(storage, sessions, access, release, outbox);
    this.summaries = new Summaries(storage, sessions, boards, clock, settings.boardSize());
    this.exports = new Exports(storage, sessions, boards, summaries);
    this.themes = new Themes(storage, sessions, boards, moderation);
    this.followups = new Followups(storage, sessions, clock);
    this.policies = new Policies(storage, sessions, boards, escalations, outbox);
    this.presenter = new Presenter(storage, sessions, boards);
    this.series = new Series(storage, sessions, clock);
    sessions.setFollowUp(series);
    this.carryOver = new CarryOver(storage, sessions, boards, outbox, clock, settings.boardSize());
    this.commands =
        new Commands(
            new CommandParser(clock, settings.defaultZone()),
            settings,
            sessions,
            questions,
            votes,
            moderation,
            summaries,
            exports,
            series,
            carryOver);
    commands.setInsights(new InsightCommands(themes, followups, policies, presenter));
    this.jobs = new SessionJobs(storage, sessions, release, outbox, clock);
    this.worker =
        new OutboxWorker(
            storage,
            new NoticeComposer(boards, summaries, settings.boardSize(), clock),
            outbox,
            clock,
            counters);
  }

  /** Registers a platform's outbound port; call before {@link #start}. */
  public Candor register(Messenger messenger) {
    worker.register(messenger);
    return this;
  }

  /**
   * Starts the scheduler and the outbox worker. {@code quartz} is {@link CandorScheduler#inMemory}
   * or, for triggers that survive restarts (and a cluster on PostgreSQL), {@link
   * CandorScheduler#jdbc}.
   */
  public synchronized void start(Properties quartz, Duration outboxPoll) throws SchedulerException {
    scheduler = new CandorScheduler(quartz, jobs, sessions, series, storage, settings, clock);
    scheduler.start();
    worker.start(outboxPoll, scheduler.clusterNode());
  }

  /** Starts with an in-memory Quartz and a 200 ms outbox poll. */
  public void start() throws SchedulerException {
    start(
        CandorScheduler.inMemory("candor-" + INSTANCES.incrementAndGet()), Duration.ofMillis(200));
  }

  /**
   * Stops the scheduler, waiting for running jobs, then the outbox worker, letting the delivery in
   * progress finish (up to 5 s) and leaving the rest for the next start. In that order, so that
   * what a last job enqueues is not half-sent.
   */
  @Override
  public synchronized void close() {
    try {
      if (scheduler != null) {
        try {
          scheduler.close();
        } catch (SchedulerException e) {
          throw new IllegalStateException("scheduler did not stop cleanly", e);
        } finally {
          scheduler = null;
        }
      }
    } finally {
      worker.close();
    }
  }

  public CandorSettings settings() {
    return settings;
  }

  /** Clusters of near-duplicate questions, and merging them. */
  public Themes themes() {
    return themes;
  }

  /** Follow-ups: who acts on a question, by when, and whether it is done. */
  public Followups followups() {
    return followups;
  }

  /** Per-session tally policy and escalation threshold. */
  public Policies policies() {
    return policies;
  }

  /** Presenter links and the boards they show; the app serves the page. */
  public Presenter presenter() {
    return presenter;
  }

  /** What this core did since it was built, counted by platform and kind only: for metrics. */
  public Counters counters() {
    return counters;
  }

  public Storage storage() {
    return storage;
  }

  public Clock clock() {
    return clock;
  }

  public Commands commands() {
    return commands;
  }

  public Sessions sessions() {
    return sessions;
  }

  public Questions questions() {
    return questions;
  }

  public Votes votes() {
    return votes;
  }

  public Moderation moderation() {
    return moderation;
  }

  public Boards boards() {
    return boards;
  }

  public Summaries summaries() {
    return summaries;
  }

  public Exports exports() {
    return exports;
  }

  public SessionKeys keys() {
    return keys;
  }

  public Release release() {
    return release;
  }

  public SessionJobs jobs() {
    return jobs;
  }

  public OutboxWorker worker() {
    return worker;
  }

  public Series series() {
    return series;
  }

  public CarryOver carryOver() {
    return carryOver;
  }

  public CandorScheduler scheduler() {
    return scheduler;
  }
}
