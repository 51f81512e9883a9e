package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.BoardView;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound port against the fake Web API: what it sends and how it reports failures. */
class SlackMessengerTest {
  private SlackRig rig;
  private SlackMessenger messenger;
  private ListeningSession session;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.start();
    messenger = rig.adapter.messenger();
    session = rig.core.scheduleSession();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void givenAPost_thenItReturnsTheMessageTsAndAnUpdateEditsThatMessage() throws Exception {
    String ts = messenger.post(SlackRig.SLACK_CHANNEL, board());
    messenger.update(SlackRig.SLACK_CHANNEL, ts, board());

    assertThat(ts)
        .isEqualTo(rig.slack.calls("chat.postMessage").get(0).answerJson().get("ts").asText());
    FakeSlackApi.Call update = rig.slack.calls("chat.update").get(0);
    assertThat(update.param("channel")).isEqualTo(SlackRig.CHANNEL);
    assertThat(update.param("ts")).isEqualTo(ts);
    assertThat(update.param("text")).contains("Board of " + session.id());
  }

  @Test
  void givenA429WithRetryAfter_thenTheFailureIsTemporaryAndCarriesTheWait() {
    rig.slack.rateLimitNext("chat.postMessage", 1, 7);

    assertThatThrownBy(() -> messenger.post(SlackRig.SLACK_CHANNEL, reminder()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.isPermanent()).isFalse();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.getMessage()).isEqualTo("chat.postMessage: ratelimited");
            });
  }

  @Test
  void givenChannelNotFound_thenTheFailureIsPermanent() {
    rig.slack.errorNext("chat.postMessage", "channel_not_found");

    assertThatThrownBy(() -> messenger.post(SlackRig.SLACK_CHANNEL, reminder()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.isPermanent()).isTrue();
              assertThat(e.getMessage()).isEqualTo("chat.postMessage: channel_not_found");
            });
  }

  @Test
  void givenAServerErrorOrAnUnknownError_thenTheFailureIsTemporary() {
    rig.slack.serverErrorNext("chat.update").errorNext("chat.update", "internal_error");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> messenger.update(SlackRig.SLACK_CHANNEL, "1.2", board()))
          .isInstanceOfSatisfying(
              DeliveryException.class,
              e -> {
                assertThat(e.isPermanent()).isFalse();
                assertThat(e.retryAfter()).isEmpty();
              });
    }
  }

  @Test
  void givenSlackUnreachable_thenTheFailureIsTemporary() throws Exception {
    try (FakeSlackApi gone = new FakeSlackApi();
        SlackAdapter offline =
            new SlackAdapter(
                SlackSettings.http("xoxb-x", "s")
                    .withApiUrl(gone.apiUrl())
                    .withChannelPace(Duration.ZERO),
                rig.core.candor())) {
      gone.close();
      assertThatThrownBy(() -> offline.messenger().post(SlackRig.SLACK_CHANNEL, reminder()))
          .isInstanceOfSatisfying(
              DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
    }
  }

  @Test
  void givenASummary_thenItGoesToTheModeratorByDirectMessage() throws Exception {
    UserRef moderator = new UserRef(Platform.SLACK, SlackRig.MODERATOR);
    Notice summary =
        new Notice.Summary(
            rig.core.candor().summaries().summary(rig.core.organizer(), session.id()));

    messenger.direct(moderator, summary);
    messenger.direct(moderator, summary);

    assertThat(rig.slack.calls("conversations.open")).hasSize(1);
    assertThat(rig.slack.calls("conversations.open").get(0).param("users"))
        .isEqualTo(SlackRig.MODERATOR);
    List<FakeSlackApi.Call> dms = rig.slack.calls("chat.postMessage");
    assertThat(dms).hasSize(2).allMatch(c -> c.param("channel").equals("D" + SlackRig.MODERATOR));
    assertThat(dms.get(0).json("blocks").toString()).contains("Summary: " + session.title());
  }

  @Test
  void givenANonSlackTarget_thenTheFailureIsPermanent() {
    assertThatThrownBy(() -> messenger.post(new ChannelRef(Platform.TEAMS, "19:x"), reminder()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
  }

  @Test
  void givenAStormOf429s_thenTheOutboxWaitsAndDeliversTheBoardOnce() {
    rig.core.askEach(session.id(), 1, 3);
    rig.slack.rateLimitNext("chat.postMessage", 4, 30);

    for (int round = 0; round < 20 && rig.slack.calls("chat.postMessage").size() < 5; round++) {
      rig.core.deliverDue();
      rig.core.clock().advance(Duration.ofSeconds(31));
    }

    List<FakeSlackApi.Call> posts = rig.slack.calls("chat.postMessage");
    assertThat(posts).hasSize(5);
    assertThat(posts.subList(0, 4)).allMatch(c -> c.status() == 429);
    assertThat(posts.get(4).status()).isEqualTo(200);
    assertThat(rig.slack.calls("chat.postMessage")).filteredOn(c -> c.status() == 200).hasSize(1);
    assertThat(rig.core.outbox())
        .filteredOn(i -> i.kind() == dev.candor.core.delivery.NoticeKind.BOARD)
        .allMatch(i -> i.status() == OutboxItem.Status.SENT);
  }

  private Notice board() {
    BoardView b = rig.core.board(session.id());
    return new Notice.Board(b);
  }

  private Notice reminder() {
    return new Notice.Reminder(
        SessionView.of(session), ReminderKind.BEFORE_START, Duration.ofHours(1), List.of());
  }
}
