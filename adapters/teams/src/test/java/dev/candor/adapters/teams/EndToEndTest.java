package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.CHANNEL;
import static dev.candor.adapters.teams.TeamsActivityJson.data;
import static dev.candor.adapters.teams.TeamsHarness.dialogCard;
import static dev.candor.adapters.teams.TeamsHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.adapters.teams.FakeConnector.Request;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A whole session through Teams, over HTTP on loopback: install, schedule dialog, ten people ask
 * through the dialog, a batch is released, the board is posted, thirty upvotes edit it in place,
 * the moderator closes the session and gets the summary in a 1:1 chat.
 */
class EndToEndTest {
  private static final Duration BATCH = Duration.ofMinutes(2);

  @Test
  void givenAListeningSessionInATeamsChannel_thenQuestionsVotesBoardAndSummaryFlowEndToEnd() {
    try (TeamsHarness teams = TeamsHarness.local(b -> b.withK(5).withReleaseInterval(BATCH))) {
      teams.install();

      assertThat(
              dialogCard(
                  teams.invoke("task/fetch", TeamsHarness.ORGANIZER, true, data(CardIds.SCHEDULE))))
          .isNotNull();
      String scheduled =
          message(
              teams.invoke(
                  "task/submit",
                  TeamsHarness.ORGANIZER,
                  true,
                  data(CardIds.SCHEDULE)
                      .put(CardIds.TITLE, "All-hands Q&A")
                      .put(CardIds.DATE, "2026-03-03")
                      .put(CardIds.TIME, "10:00")
                      .put(CardIds.ZONE, "Europe/Berlin")
                      .put(CardIds.MINUTES, "60")
                      .put(CardIds.MODERATORS, TeamsHarness.MODERATOR.aadObjectId())
                      .put(CardIds.MIN_ASKERS, "5")));
      assertThat(scheduled).startsWith("Scheduled s1 \"All-hands Q&A\"");
      ListeningSession session = teams.core.candor().sessions().current().get(0);

      List<User> staff =
          IntStream.rangeClosed(1, 10).mapToObj(i -> TeamsActivityJson.user("staff-" + i)).toList();
      for (int i = 0; i < staff.size(); i++) {
        dialogCard(teams.invoke("task/fetch", staff.get(i), true, data(CardIds.ASK)));
        String asked =
            message(
                teams.invoke(
                    "task/submit",
                    staff.get(i),
                    true,
                    data(CardIds.ASK)
                        .put(CardIds.SESSION, session.id().toString())
                        .put(CardIds.TEXT, "Question " + (i + 1) + " about the reorganisation?")));
        assertThat(asked).startsWith("Asked anonymously as q");
      }
      teams.core.clock().advance(BATCH);
      teams.core.candor().jobs().releaseAllDue();
      teams.core.clock().advance(Duration.ofSeconds(5));
      teams.core.deliverDue();

      List<Request> boards = boardPosts(teams);
      assertThat(boards).hasSize(1);
      assertThat(boards.get(0).cardText()).contains("10 questions on the board");
      String boardId =
          teams.core.tx(tx -> tx.boards().find(session.id(), TeamsHarness.CHANNEL)).orElseThrow();

      List<QuestionId> ids =
          teams.core.questions(session.id()).stream()
              .sorted(Comparator.comparing(Question::releaseSeq))
              .map(Question::id)
              .toList();
      int[] votes = {10, 8, 7, 5};
      int clicks = 0;
      for (int q = 0; q < votes.length; q++) {
        for (int u = 0; u < votes[q]; u++) {
          String answer =
              message(
                  teams.invoke(
                      "task/fetch",
                      staff.get(u),
                      true,
                      data(CardIds.VOTE).put(CardIds.QUESTION, ids.get(q).toString())));
          assertThat(answer).startsWith("Voted for " + ids.get(q));
          clicks++;
        }
      }
      assertThat(clicks).isEqualTo(30);
      teams.core.clock().advance(Duration.ofSeconds(5));
      teams.core.deliverDue();

      List<Request> edits = teams.connector.updated(CHANNEL);
      assertThat(edits).isNotEmpty();
      assertThat(edits).allSatisfy(e -> assertThat(e.path()).endsWith("/activities/" + boardId));
      String latest = edits.get(edits.size() - 1).cardText();
      assertThat(latest)
          .contains("Rank 1 · 10 votes · " + ids.get(0))
          .contains("Rank 2 · 8 votes · " + ids.get(1))
          .contains("Rank 3 · 7 votes · " + ids.get(2))
          .contains("Rank 4 · 5 votes · " + ids.get(3));
      assertThat(boardPosts(teams)).as("the board is edited, not posted again").hasSize(1);

      teams.channel(TeamsHarness.MODERATOR, "close " + session.id());
      assertThat(teams.core.session(session.id()).state()).isEqualTo(SessionState.CLOSED);
      teams.core.deliverDue();

      Request toModerator =
          teams.connector.requests("POST", "/v3/conversations").stream()
              .filter(r -> r.path().equals("/v3/conversations"))
              .filter(
                  r ->
                      r.body()
                          .path("members")
                          .get(0)
                          .path("id")
                          .asText()
                          .equals(TeamsHarness.MODERATOR.aadObjectId()))
              .findFirst()
              .orElseThrow();
      assertThat(toModerator.body().path("tenantId").asText()).isEqualTo(TeamsActivityJson.TENANT);
      String summary =
          teams.connector.requests("POST", "/v3/conversations/a:dm-").stream()
              .map(Request::cardText)
              .filter(c -> c.contains("Summary · All-hands Q&\u2060A"))
              .findFirst()
              .orElseThrow();
      assertThat(summary).contains("Askers: 10").contains("Rank 1 · 10 votes · " + ids.get(0));
      for (User u : staff) {
        assertThat(summary).doesNotContain(u.name());
      }
    }
  }

  private static List<Request> boardPosts(TeamsHarness teams) {
    return teams.connector.posted(CHANNEL).stream()
        .filter(r -> r.path().equals("/v3/conversations/" + CHANNEL + "/activities"))
        .filter(r -> r.cardText().contains("Questions · "))
        .toList();
  }
}
