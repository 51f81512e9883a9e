package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.adapters.teams.FakeConnector.Request;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.session.ListeningSession;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands typed to the bot, over HTTP on loopback, answered through the fake connector. */
class ChatCommandsTest {
  private final User alice = TeamsActivityJson.user("alice");
  private TeamsHarness teams;
  private ListeningSession session;

  @BeforeEach
  void start() {
    teams = TeamsHarness.local();
    session = teams.session();
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  @Test
  void givenAskInPersonalChat_thenQuestionIsTakenAndTheReplyGoesBackToThatChatOnly() {
    teams.personal(alice, "ask " + session.id() + " Why is the budget late?");

    assertThat(teams.questionCount()).isEqualTo(1);
    List<Request> sent = teams.connector.requests();
    assertThat(sent).hasSize(1);
    Request reply = sent.get(0);
    assertThat(reply.path())
        .startsWith("/v3/conversations/" + alice.personalChat() + "/activities");
    assertThat(reply.cardText())
        .contains("Asked anonymously as q")
        .contains("Why is the budget late?");
  }

  @Test
  void givenMarkupInAQuestion_thenTheReplyShowsItAsTypedAndMentionsNobody() {
    teams.personal(
        alice,
        "ask "
            + session.id()
            + " <at>Boss</at> see [link](http://x) **now** {{DATE(2026-03-05T14:00:00Z, SHORT)}}");

    Request reply = teams.connector.requests().get(0);
    assertThat(reply.body().has("entities")).isFalse();
    assertThat(reply.cardText())
        .contains(
            "<\u2060at>Boss<\u2060/at> see \\\\[link\\\\](http://x) \\\\*\\\\*now\\\\*\\\\* {\u2060{DATE(")
        .doesNotContain("<at>");
  }

  @Test
  void givenAskInPersonalChat_thenNoReferenceToThatChatIsStored() {
    teams.personal(alice, "ask " + session.id() + " Why is the budget late?");

    List<List<String>> rows = teams.core.query("SELECT address, reference FROM conversations");
    assertThat(rows)
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrder("tenant:tenant-1", "tenant:*");
    assertThat(rows.toString()).doesNotContain(alice.personalChat()).doesNotContain("alice");
  }

  @Test
  void givenAskInChannel_thenItIsRefusedWithTheDialogButtonAndNothingIsStored() {
    teams.channel(alice, "ask " + session.id() + " Why is the budget late?");

    assertThat(teams.questionCount()).isZero();
    List<Request> replies = teams.connector.posted(CHANNEL);
    assertThat(replies).hasSize(1);
    String card = replies.get(0).cardText();
    assertThat(card)
        .contains("Use the Ask anonymously button")
        .contains("\"msteams\":{\"type\":\"task/fetch\"}")
        .contains("\"action\":\"ask\"")
        .doesNotContain("budget late");
  }

  @Test
  void givenAskWithoutTextInChannel_thenTheSameRefusal() {
    teams.channel(alice, "ask");

    assertThat(teams.connector.posted(CHANNEL).get(0).cardText()).contains("Ask anonymously");
  }

  @Test
  void givenQuestionsInChannel_thenThePublicBoardIsPosted() {
    teams.core.askEach(session.id(), 1, 3);
    teams
        .core
        .candor()
        .votes()
        .vote(TeamsHarness.moderatorActor(), teams.core.questions(session.id()).get(0).id());

    teams.channel(alice, "questions");

    String card = teams.connector.posted(CHANNEL).get(0).cardText();
    assertThat(card)
        .contains("Questions · Budget Q&\u2060A")
        .contains("Question from the floor number 1?")
        .contains("Question from the floor number 3?")
        .contains("▲ Upvote")
        .doesNotContain("· you voted")
        .doesNotContain("Yours, waiting");
  }

  @Test
  void givenVoteTypedInChannel_thenItIsRefusedAndNothingChanges() {
    teams.core.askEach(session.id(), 1, 3);
    String id = teams.core.questions(session.id()).get(0).id().toString();

    teams.channel(alice, "vote " + id);

    assertThat(teams.core.count("votes")).isZero();
    assertThat(teams.connector.posted(CHANNEL).get(0).cardText())
        .contains("Votes and withdrawals are private");
  }

  @Test
  void givenHelpInChannel_thenHelpWithBothDialogButtonsIsPosted() {
    teams.channel(alice, "help");

    String card = teams.connector.posted(CHANNEL).get(0).cardText();
    assertThat(card)
        .contains("Who can see what")
        .contains("Schedule a session")
        .contains("Ask anonymously");
  }

  @Test
  void givenBotAddedToTeam_thenTheChannelReferenceIsStoredWithoutAnyPerson() {
    teams.install();

    List<List<String>> rows =
        teams.core.query("SELECT reference FROM conversations WHERE address = ?", CHANNEL);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0))
        .contains(CHANNEL)
        .contains(teams.connector.serviceUrl())
        .doesNotContain("messageid")
        .doesNotContain("organizer")
        .doesNotContain("aad-");
  }

  @Test
  void givenScheduleInPersonalChatWithoutChannels_thenItIsRefused() {
    teams.personal(TeamsHarness.ORGANIZER, "schedule \"Town hall\" tomorrow 15:00");

    assertThat(teams.core.candor().sessions().current()).hasSize(1);
    assertThat(teams.connector.requests().get(0).cardText())
        .contains("Schedule a session from the channel");
  }
}
