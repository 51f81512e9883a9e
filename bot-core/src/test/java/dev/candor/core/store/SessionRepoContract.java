package dev.candor.core.store;

import static dev.candor.core.store.TestSessions.defaultSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.session.SessionState;
import dev.candor.core.summary.Participation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

interface SessionRepoContract extends StorageFixture {

  @Test
  default void givenNewSession_whenInserted_thenFoundAsInsertedWithAnId() {
    SessionSettings custom =
        new SessionSettings(
            3,
            Duration.ofSeconds(90),
            true,
            4,
            Duration.ofMillis(2500),
            List.of(Duration.ofMinutes(10), Duration.ofDays(2)));
    ListeningSession input =
        defaultSession()
            .withTitle("Pay bands — what changes?")
            .withZone(ZoneId.of("Europe/Berlin"))
            .withAudience(
                new ChannelRef(Platform.TEAMS, "19:abc@thread.tacv2"),
                new ChannelRef(Platform.SLACK, "C2"))
            .withModerators(new UserRef(Platform.SLACK, "U2"), new UserRef(Platform.TEAMS, "29:x"))
            .withSettings(custom)
            .withLastRelease(Instant.parse("2030-03-14T19:02:00Z"))
            .build();

    ListeningSession inserted = sessions().insert(input);

    assertThat(inserted.id()).isNotNull();
    assertThat(inserted).usingRecursiveComparison().ignoringFields("id").isEqualTo(input);
    assertThat(sessions().find(inserted.id())).contains(inserted);
  }

  @Test
  default void givenDraftWithoutScheduleOrCreator_whenInserted_thenRoundTripsTheNulls() {
    ListeningSession draft =
        saved(defaultSession().withState(SessionState.DRAFT).startingAt(null).createdBy(null));

    ListeningSession found = sessions().find(draft.id()).orElseThrow();

    assertThat(found.startsAt()).isNull();
    assertThat(found.endsAt()).isNull();
    assertThat(found.createdBy()).isNull();
    assertThat(found).isEqualTo(draft);
  }

  @Test
  default void givenTwoSessions_thenEachHasItsOwnId() {
    assertThat(savedSession().id()).isNotEqualTo(savedSession().id());
  }

  @Test
  default void givenUnknownId_thenFindAndLockAreEmpty() {
    assertThat(sessions().find(new SessionId(999))).isEmpty();
    assertThat(sessions().lock(new SessionId(999))).isEmpty();
  }

  @Test
  default void givenSessionsInSeveralStates_whenInStates_thenOnlyThoseSoonestFirst() {
    Instant t0 = TestSessions.START;
    ListeningSession later = saved(defaultSession().startingAt(t0.plusSeconds(7200)));
    ListeningSession open =
        saved(
            defaultSession()
                .withState(SessionState.OPEN)
                .startingAt(t0)
                .withAudience(new ChannelRef(Platform.SLACK, "C9"))
                .withModerators(new UserRef(Platform.SLACK, "U9")));
    saved(defaultSession().withState(SessionState.CLOSED).startingAt(t0.minusSeconds(60)));

    List<ListeningSession> found =
        sessions().inStates(EnumSet.of(SessionState.SCHEDULED, SessionState.OPEN));

    assertThat(found).containsExactly(open, later);
    assertThat(sessions().inStates(Set.of())).isEmpty();
  }

  @Test
  default void givenSession_whenStateAndLastReleaseUpdated_thenFindShowsThem() {
    ListeningSession s = savedSession();
    Instant release = Instant.parse("2030-03-14T19:04:00Z");

    storage()
        .run(
            t -> {
              t.sessions().updateState(s.id(), SessionState.OPEN);
              t.sessions().updateLastRelease(s.id(), release);
            });

    ListeningSession found = sessions().find(s.id()).orElseThrow();
    assertThat(found.state()).isEqualTo(SessionState.OPEN);
    assertThat(found.lastReleaseAt()).isEqualTo(release);
  }

  @Test
  default void givenModerators_whenReplaced_thenOnlyTheNewOnesInTheirOrder() {
    ListeningSession s = savedSession();
    UserRef b = new UserRef(Platform.TEAMS, "29:b");
    UserRef a = new UserRef(Platform.SLACK, "UA");

    sessions().replaceModerators(s.id(), List.of(b, a));
    assertThat(sessions().find(s.id()).orElseThrow().moderators()).containsExactly(b, a);

    sessions().replaceModerators(s.id(), List.of());
    assertThat(sessions().find(s.id()).orElseThrow().moderators()).isEmpty();
  }

  @Test
  default void givenNoFinalParticipation_thenEmpty_andOnceSavedItRoundTrips() {
    ListeningSession s = savedSession();
    assertThat(sessions().finalParticipation(s.id())).isEmpty();

    sessions().saveFinalParticipation(s.id(), new Participation(6, 11, 40));

    assertThat(sessions().finalParticipation(s.id())).contains(new Participation(6, 11, 40));
  }

  @Test
  default void givenSession_whenLocked_thenItIsReturned() {
    ListeningSession s = savedSession();
    assertThat(sessions().lock(s.id())).contains(s);
  }
}
