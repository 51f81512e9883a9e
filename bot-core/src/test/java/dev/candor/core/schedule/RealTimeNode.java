package dev.candor.core.schedule;

import dev.candor.core.Candor;
import dev.candor.core.CandorSettings;
import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.identity.Organizers;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.store.Database;
import dev.candor.core.store.jdbc.JdbiStorage;
import dev.candor.core.testing.RecordingMessenger;
import dev.candor.core.testing.TestCandor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.quartz.SchedulerException;

/**
 * One Candor process on real time over a shared database, with the Quartz JDBC job store: start
 * one, stop it, start another on the same database and scheduler name, as a restart would. Reminder
 * offsets are seconds, so scenarios take a few seconds of wall time.
 */
final class RealTimeNode implements AutoCloseable {
  final Candor candor;
  final RecordingMessenger messenger = new RecordingMessenger();

  private RealTimeNode(Database db, MasterKey key, List<Duration> reminders) {
    SessionSettings rules =
        new SessionSettings(3, Duration.ZERO, false, 10, Duration.ZERO, reminders);
    CandorSettings base = CandorSettings.defaults();
    CandorSettings settings =
        base.withOrganizers(Organizers.of(TestCandor.ORGANIZER.ref()))
            .withSessionDefaults(rules)
            .withTiming(Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(1));
    candor = new Candor(settings, new JdbiStorage(db), key, Clock.systemUTC());
    candor.register(messenger);
  }

  /** A node whose sessions remind {@code reminders} before their start. */
  static RealTimeNode on(Database db, MasterKey key, Duration... reminders) {
    return new RealTimeNode(db, key, List.of(reminders));
  }

  /**
   * Starts the JDBC scheduler named {@code name} and an outbox worker polling every {@code poll}.
   */
  RealTimeNode start(Database db, String name, boolean clustered, Duration poll)
      throws SchedulerException {
    Properties quartz = CandorScheduler.jdbc(db, name, clustered);
    candor.start(quartz, poll);
    return this;
  }

  /** Schedules a session starting {@code in} from now (whole milliseconds), lasting a minute. */
  ListeningSession schedule(Duration in) {
    Instant start = Instant.now().plus(in).truncatedTo(ChronoUnit.MILLIS);
    return candor
        .sessions()
        .schedule(
            TestCandor.ORGANIZER,
            new NewSession(
                "Restart drill",
                start,
                start.plus(Duration.ofMinutes(1)),
                ZoneOffset.UTC,
                List.of(TestCandor.CHANNEL),
                List.of(TestCandor.MODERATOR.ref()),
                candor.settings().sessionDefaults()));
  }

  /** The reminders of {@code kind} this node's messenger delivered. */
  List<Notice.Reminder> delivered(ReminderKind kind) {
    return messenger.delivered(Notice.Reminder.class).stream()
        .filter(r -> r.kind() == kind)
        .toList();
  }

  @Override
  public void close() {
    candor.close();
  }
}
