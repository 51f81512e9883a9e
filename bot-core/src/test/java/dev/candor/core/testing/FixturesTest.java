package dev.candor.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.Notice;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shared fixtures do what their documentation promises. */
class FixturesTest {

  @Test
  void givenMutableClock_thenItStandsStillUntilMovedAndZonedCopiesMoveTogether() {
    MutableClock clock = MutableClock.standard();
    var berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

    clock.advance(Duration.ofSeconds(90));

    assertThat(clock.instant()).isEqualTo("2026-03-02T09:01:30Z");
    assertThat(berlin.instant()).isEqualTo(clock.instant());
    assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(berlin.instant()).isEqualTo("2030-01-01T00:00:00Z");
  }

  @Test
  void givenTwoFixtures_thenEachHasItsOwnDatabase() {
    try (TestCandor one = TestCandor.withDefaults();
        TestCandor two = TestCandor.withDefaults()) {
      one.scheduleSession();

      assertThat(one.count("sessions")).isEqualTo(1);
      assertThat(two.count("sessions")).isZero();
    }
  }

  @Test
  void givenBuilderOptions_thenScheduledSessionsFollowThem() {
    try (TestCandor t =
        TestCandor.create()
            .withK(5)
            .withReleaseInterval(Duration.ofMinutes(2))
            .withCooldown(Duration.ofSeconds(10))
            .withMaxQuestions(4)
            .withPremoderation()
            .build()) {
      ListeningSession s = t.scheduleSession();

      assertThat(s.settings().minAskers()).isEqualTo(5);
      assertThat(s.settings().releaseInterval()).isEqualTo(Duration.ofMinutes(2));
      assertThat(s.settings().askCooldown()).isEqualTo(Duration.ofSeconds(10));
      assertThat(s.settings().maxQuestionsPerPerson()).isEqualTo(4);
      assertThat(s.settings().premoderated()).isTrue();
      assertThat(s.startsAt()).isEqualTo(t.clock().instant().plus(Duration.ofHours(1)));
      assertThat(s.moderators()).containsExactly(t.moderator().ref());
      assertThat(s.audience()).containsExactly(TestCandor.CHANNEL);
    }
  }

  @Test
  void givenQueuedFailures_thenTheNextCallsFailInOrderAndAllAreRecorded() throws Exception {
    RecordingMessenger m = new RecordingMessenger(Platform.SLACK);
    Notice notice = alert();
    UserRef ana = new UserRef(Platform.SLACK, "U-ANA");
    m.failNext(DeliveryException.temporary("first", null), DeliveryException.permanent("second"));

    assertThatThrownBy(() -> m.direct(ana, notice)).hasMessage("first");
    assertThatThrownBy(() -> m.post(TestCandor.CHANNEL, notice)).hasMessage("second");
    String ref = m.post(TestCandor.CHANNEL, notice);
    m.update(TestCandor.CHANNEL, ref, notice);

    assertThat(ref).isEqualTo("slack-msg-1");
    assertThat(m.attempts()).hasSize(4);
    assertThat(m.deliveries()).hasSize(2);
    assertThat(m.posts())
        .singleElement()
        .extracting(RecordingMessenger.Delivery::messageRef)
        .isEqualTo(ref);
    assertThat(m.updates())
        .singleElement()
        .extracting(RecordingMessenger.Delivery::messageRef)
        .isEqualTo(ref);
    assertThat(m.rendered()).allSatisfy(text -> assertThat(text).startsWith("⚠ s1: "));
  }

  @Test
  void givenMatchingFailure_thenItLastsUntilReset() throws Exception {
    RecordingMessenger m = new RecordingMessenger();
    m.failMatching(
        d -> d.kind() == RecordingMessenger.Kind.DIRECT, DeliveryException.permanent("blocked"));
    UserRef ana = new UserRef(Platform.CONSOLE, "ana");

    assertThatThrownBy(() -> m.direct(ana, alert())).isInstanceOf(DeliveryException.class);
    assertThatThrownBy(() -> m.direct(ana, alert())).isInstanceOf(DeliveryException.class);
    m.post(TestCandor.CHANNEL, alert());
    m.reset();
    m.direct(ana, alert());

    assertThat(m.attempts()).hasSize(1);
    assertThat(m.directs()).hasSize(1);
  }

  @Test
  void givenLogCapture_thenItSeesDebugAndRestoresTheRootLoggerWhenClosed() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    int appenders = countAppenders(root);

    try (LogCapture logs = LogCapture.rootAtDebug()) {
      LoggerFactory.getLogger("candor.fixture").debug("hello {}", "there");
      assertThat(logs.lines())
          .anyMatch(l -> l.contains("DEBUG candor.fixture") && l.contains("hello there"));
    }

    assertThat(root.getLevel()).isEqualTo(before);
    assertThat(countAppenders(root)).isEqualTo(appenders);
  }

  @Test
  void givenEveryLoggerAtDebug_thenALoggerConfiguredQuietIsHeardAndKeepsItsLevelAfterwards() {
    Logger quiet = (Logger) LoggerFactory.getLogger("candor.fixture.quiet");
    quiet.setLevel(Level.WARN);
    try {
      try (LogCapture logs = LogCapture.everyLoggerAtDebug()) {
        quiet.debug("whisper");
        assertThat(logs.lines()).anyMatch(l -> l.contains("whisper"));
      }

      assertThat(quiet.getLevel()).isEqualTo(Level.WARN);
    } finally {
      quiet.setLevel(null);
    }
  }

  private static int countAppenders(Logger root) {
    int n = 0;
    for (var it = root.iteratorForAppenders(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  private static Notice alert() {
    SessionView s =
        new SessionView(
            new SessionId(1),
            "T",
            SessionState.OPEN,
            MutableClock.DEFAULT_START,
            MutableClock.DEFAULT_START.plusSeconds(3600),
            ZoneId.of("UTC"),
            List.of(TestCandor.CHANNEL),
            3);
    return new Notice.ModeratorAlert(s, "test");
  }
}
