package dev.candor.adapters.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.View;
import dev.candor.adapters.slack.ask.AskModal;
import dev.candor.adapters.slack.home.HomeView;
import dev.candor.adapters.slack.schedule.ScheduleModal;
import dev.candor.core.CandorSettings;
import dev.candor.core.session.SessionState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The modals and the App Home, as snapshot files. */
class SurfaceSnapshotTest {

  @Test
  void givenSessionsTakingQuestions_thenTheAskModalMatchesItsSnapshot() {
    View v =
        AskModal.form(
            List.of(Fixtures.session(SessionState.OPEN)),
            Optional.of(Fixtures.session(SessionState.OPEN).id()));

    Snapshots.assertMatches("ask-modal.json", v);
  }

  @Test
  void givenTheDefaults_thenTheScheduleModalMatchesItsSnapshot() {
    View v =
        ScheduleModal.form(
            CandorSettings.defaults(), LocalDate.parse("2026-03-03"), Optional.of("C0BOARD"));

    Snapshots.assertMatches("schedule-modal.json", v);
  }

  @Test
  void givenAModerator_thenTheHomeMatchesItsSnapshot() {
    View v =
        HomeView.build(
            true,
            List.of(
                new HomeView.HomeSession(Fixtures.session(SessionState.OPEN), true, List.of()),
                new HomeView.HomeSession(
                    Fixtures.session(SessionState.SCHEDULED), false, List.of())),
            Optional.empty());

    Snapshots.assertMatches("home-moderator.json", v);
  }

  @Test
  void givenManySessions_thenTheHomeStaysWithinOneHundredBlocks() {
    List<HomeView.HomeSession> sessions = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      sessions.add(new HomeView.HomeSession(Fixtures.session(SessionState.OPEN), true, List.of()));
    }

    View v = HomeView.build(false, sessions, Optional.empty());

    assertThat(v.getBlocks()).hasSizeLessThanOrEqualTo(SlackText.VIEW_BLOCKS_MAX);
    assertThat(Snapshots.json(v.getBlocks())).contains("More sessions than fit here");
  }
}
