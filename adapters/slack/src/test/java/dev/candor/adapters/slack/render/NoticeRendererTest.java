package dev.candor.adapters.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.session.SessionState;
import dev.candor.core.summary.Participation;
import dev.candor.core.summary.SummaryView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeRendererTest {

  @Test
  void givenAReminder_thenTheStartIsADateTokenEachReaderSeesInTheirOwnZone() {
    Notice r =
        new Notice.Reminder(
            Fixtures.session(SessionState.SCHEDULED),
            ReminderKind.BEFORE_START,
            Duration.ofHours(1),
            List.of());

    SlackMessage m = NoticeRenderer.render(r);

    assertThat(Snapshots.json(m.blocks()))
        .contains(
            "<!date^1772546400^{date_short_pretty} at {time}|Tue 3 Mar 2026 15:00 Europe/Berlin>")
        .contains("(in 1 hour)")
        .contains(Ids.Ask.OPEN);
    assertThat(m.text()).contains("&lt;with the director&gt;");
  }

  @Test
  void givenLiveNow_thenTheTopQuestionsComeWithTheirButtons() {
    Notice r =
        new Notice.Reminder(
            Fixtures.session(SessionState.OPEN),
            ReminderKind.LIVE_NOW,
            Duration.ZERO,
            Fixtures.standardEntries());

    Snapshots.assertMatches("reminder-live.json", NoticeRenderer.render(r).blocks());
  }

  @Test
  void givenASummary_thenItMatchesItsSnapshot() {
    SummaryView v =
        new SummaryView(
            Fixtures.session(SessionState.CLOSED),
            new Participation(7, 2, 19).view(5),
            Fixtures.standardEntries(),
            5,
            1,
            3,
            List.of("off topic", "names a colleague <@U9>"),
            1,
            Participation.Figure.of(0, 0),
            Fixtures.START.plusSeconds(3600));

    Snapshots.assertMatches("summary.json", NoticeRenderer.render(new Notice.Summary(v)).blocks());
  }

  @Test
  void givenAModeratorAlert_thenItsTextIsEscaped() {
    Notice alert =
        new Notice.ModeratorAlert(
            Fixtures.session(SessionState.OPEN), "could not post to <#C1>: not_in_channel");

    assertThat(Snapshots.json(NoticeRenderer.render(alert).blocks()))
        .contains("could not post to &lt;#C1&gt;: not_in_channel");
  }

  @Test
  void givenAnAnsweredQuestion_thenQuestionAndAnswerAreQuoted() {
    Notice answered =
        new Notice.Answered(Fixtures.session(SessionState.OPEN), Fixtures.standardEntries().get(1));

    assertThat(Snapshots.json(NoticeRenderer.render(answered).blocks()))
        .contains(
            "✅ Answered in *Budget Q&amp;A &lt;with the director&gt;* (s12):\\n> Will the Leeds office stay open?\\nYes, at least until 2027.");
  }
}
