package dev.candor.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recurring sessions end to end through the command language: each occurrence is its own session
 * with its own key, the next is made when one ends, at the same local time whatever the
 * daylight-saving offset, and {@code stop} ends the series. The fixture's clock stands at Monday 2
 * March 2026, 09:00 UTC.
 */
class SeriesTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final String OPEN_FLOOR =
      "schedule \"Open floor\" every week thu 15:00 tz America/New_York for 45m";

  @Test
  void givenScheduleEvery_thenASeriesWithItsFirstOccurrenceIsCreated() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Reply reply = t.command(t.organizer(), OPEN_FLOOR);

      assertThat(reply).isInstanceOf(Reply.Text.class);
      assertThat(PlainText.render(reply))
          .contains("every week on Thursday at 15:00 (America/New_York)")
          .contains("s1");
      ListeningSession first = t.session(new SessionId(1));
      assertThat(first.title()).isEqualTo("Open floor");
      assertThat(first.state()).isEqualTo(SessionState.SCHEDULED);
      assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-03-05T20:00:00Z"));
      assertThat(first.endsAt()).isEqualTo(Instant.parse("2026-03-05T20:45:00Z"));
      assertThat(first.zone()).isEqualTo(NEW_YORK);
      assertThat(occurrence(t, first.id()).number()).isEqualTo(1);
      assertThat(t.keyExists(first.id())).isTrue();
    }
  }

  @Test
  void givenOccurrenceClosesBeforeTheSpringChange_thenTheNextIsAt1500LocalOnDaylightTime() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);
      SessionId first = new SessionId(1);
      t.askEach(first, 1, 3);

      t.candor().sessions().close(t.organizer(), first);

      ListeningSession next = onlyLive(t);
      assertThat(next.id()).isNotEqualTo(first);
      assertThat(next.startsAt()).isEqualTo(Instant.parse("2026-03-12T19:00:00Z"));
      assertThat(next.startsAt().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(15, 0));
      assertThat(Duration.between(next.startsAt(), next.endsAt()))
          .isEqualTo(Duration.ofMinutes(45));
      assertThat(next.audience()).isEqualTo(t.session(first).audience());
      assertThat(next.settings()).isEqualTo(t.session(first).settings());
      assertThat(occurrence(t, next.id()).number()).isEqualTo(2);
      assertThat(t.questions(next.id())).isEmpty();
      assertThat(t.keyExists(next.id())).isTrue();
    }
  }

  @Test
  void givenSeriesAcrossTheAutumnChangeInBerlin_thenEachOccurrenceStartsAt0930Local() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.clock().set(Instant.parse("2026-10-20T12:00:00Z"));
      t.command(t.organizer(), "schedule Standup every 2 days 09:30 tz Europe/Berlin for 15m");
      SessionId id = new SessionId(1);
      assertThat(t.session(id).startsAt()).isEqualTo(Instant.parse("2026-10-21T07:30:00Z"));

      for (int i = 0; i < 3; i++) {
        t.candor().sessions().close(t.organizer(), id);
        id = onlyLive(t).id();
      }

      assertThat(t.session(id).startsAt()).isEqualTo(Instant.parse("2026-10-27T08:30:00Z"));
      assertThat(t.session(id).startsAt().atZone(ZoneId.of("Europe/Berlin")).toLocalTime())
          .isEqualTo(LocalTime.of(9, 30));
    }
  }

  @Test
  void givenOneOccurrenceIsCancelled_thenTheSeriesGoesOnWithTheNext() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);

      t.command(t.organizer(), "cancel s1");

      assertThat(t.session(new SessionId(1)).state()).isEqualTo(SessionState.CANCELLED);
      assertThat(onlyLive(t).startsAt()).isEqualTo(Instant.parse("2026-03-12T19:00:00Z"));
    }
  }

  @Test
  void givenStopBeforeTheClose_thenNoNextOccurrenceIsMade() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);

      Reply stopped = t.command(t.organizer(), "stop s1");
      t.candor().sessions().close(t.organizer(), new SessionId(1));

      assertThat(PlainText.render(stopped)).contains("ends with s1");
      assertThat(live(t)).isEmpty();
      assertThat(t.candor().series().catchUp()).isEmpty();
    }
  }

  @Test
  void givenStopAfterTheNextWasMade_thenTheNextIsCancelledAndNothingFollows() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);
      t.candor().sessions().close(t.organizer(), new SessionId(1));
      SessionId next = onlyLive(t).id();

      Reply stopped = t.command(t.organizer(), "stop s1");

      assertThat(PlainText.render(stopped)).contains(next + " is cancelled");
      assertThat(t.session(next).state()).isEqualTo(SessionState.CANCELLED);
      assertThat(live(t)).isEmpty();
    }
  }

  @Test
  void givenStopByAModerator_thenOnlyOrganizersMayStopASeries() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR + " moderators console:moderator");

      Reply refused = t.command(t.moderator(), "stop s1");

      assertThat(refused).isInstanceOf(Reply.Error.class);
      assertThat(PlainText.render(refused)).contains("Only organizers can stop a series");
    }
  }

  @Test
  void givenCandorStoppedBetweenCloseAndNextOccurrence_thenCatchUpMakesItOnce() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);
      t.tx(
          tx -> {
            tx.sessions().updateState(new SessionId(1), SessionState.CLOSED);
            return null;
          });
      assertThat(live(t)).isEmpty();

      List<ListeningSession> made = t.candor().series().catchUp();
      List<ListeningSession> again = t.candor().series().catchUp();

      assertThat(made).hasSize(1);
      assertThat(again).isEmpty();
      assertThat(live(t)).extracting(ListeningSession::id).containsExactly(made.get(0).id());
    }
  }

  @Test
  void givenOccurrencesMissedWhileDown_thenTheNextIsTheFirstStillAhead() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), "schedule Daily every day 17:00 tz Europe/Berlin for 30m");
      t.clock().set(Instant.parse("2026-03-06T17:00:00Z"));

      t.candor().sessions().close(t.organizer(), new SessionId(1));

      ListeningSession next = onlyLive(t);
      assertThat(next.startsAt()).isEqualTo(Instant.parse("2026-03-07T16:00:00Z"));
      assertThat(occurrence(t, next.id()).number()).isEqualTo(6);
    }
  }

  @Test
  void givenEveryWithoutAUnitOrTime_thenTheAnswerSaysHowToWriteIt() {
    try (TestCandor t = TestCandor.withDefaults()) {
      assertThat(PlainText.render(t.command(t.organizer(), "schedule X every week 15:00")))
          .contains("say on which day");
      assertThat(PlainText.render(t.command(t.organizer(), "schedule X every 2 weeks thu")))
          .contains("add the time");
      assertThat(PlainText.render(t.command(t.organizer(), "schedule X every day mon 15:00")))
          .contains("no weekday");
      assertThat(PlainText.render(t.command(t.organizer(), "schedule X every 99 weeks thu 9:00")))
          .contains("between 1 and 52 weeks");
      assertThat(t.count("sessions")).isZero();
      assertThat(t.count("series")).isZero();
    }
  }

  @Test
  void givenWeekdayAlone_thenItMeansEveryWeekOnThatDay() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), "schedule \"Friday Q&A\" every friday 4pm tz Europe/Berlin");

      ListeningSession first = t.session(new SessionId(1));
      assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-03-06T15:00:00Z"));
      assertThat(Duration.between(first.startsAt(), first.endsAt()))
          .isEqualTo(t.candor().settings().defaultDuration());
    }
  }

  static Occurrence occurrence(TestCandor t, SessionId id) {
    return t.tx(tx -> tx.sessions().series().occurrenceOf(id)).orElseThrow();
  }

  static List<ListeningSession> live(TestCandor t) {
    return t.candor().sessions().current().stream()
        .filter(s -> s.state().takesQuestions())
        .toList();
  }

  static ListeningSession onlyLive(TestCandor t) {
    List<ListeningSession> live = live(t);
    assertThat(live).hasSize(1);
    return live.get(0);
  }
}
