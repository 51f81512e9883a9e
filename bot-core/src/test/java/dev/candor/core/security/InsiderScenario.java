package dev.candor.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.RecordingMessenger;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A listening session with a hundred participants, half on Slack and half on Teams, run entirely
 * through the text command language the platforms forward: asking (some twice, some in a second
 * session), withdrawing, voting and unvoting, refused attempts, hiding, merging, answering, an
 * escalation threshold, a follow-up, themes, the presenter link, opening, closing, the summary and
 * every export. Time passes between steps, and each time the release tick and the outbox worker do
 * what they would have done, so every board, reminder and summary is delivered to the recording
 * messengers.
 */
final class InsiderScenario {
  static final int PARTICIPANTS = 100;
  static final int ASKERS = 80;

  /** Every participant's user id starts with this; nothing outside the platform may hold it. */
  static final String USER_PREFIX = "U9PART";

  /** Every participant's tenant id starts with this. */
  static final String TENANT_PREFIX = "T9TENANT";

  static final String MOD_ID = "UMODR0001";
  static final ChannelRef SLACK = new ChannelRef(Platform.SLACK, "C9AUDIT");
  static final ChannelRef TEAMS = new ChannelRef(Platform.TEAMS, "19:audit@thread.tacv2");
  static final Actor MODERATOR = new Actor(Platform.SLACK, "T0STAFF", MOD_ID);

  private final TestCandor t;
  private final List<String> replies = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private SessionId main;
  private SessionId other;

  InsiderScenario(TestCandor t) {
    this.t = t;
  }

  /** Participant {@code n} (1 to 100): odd on Slack, even on Teams, e.g. {@code U9PART0007}. */
  static Actor participant(int n) {
    String id = USER_PREFIX + String.format(Locale.ROOT, "%04d", n);
    return n % 2 == 1
        ? new Actor(Platform.SLACK, TENANT_PREFIX + "SLACK", id)
        : new Actor(Platform.TEAMS, TENANT_PREFIX + "-TEAMS-0001", id);
  }

  static List<Actor> participants() {
    return IntStream.rangeClosed(1, PARTICIPANTS).mapToObj(InsiderScenario::participant).toList();
  }

  SessionId main() {
    return main;
  }

  SessionId other() {
    return other;
  }

  String firstQuestionText() {
    return texts.get(0);
  }

  /** Every reply, to anyone, as plain text. */
  List<String> replies() {
    return List.copyOf(replies);
  }

  /** Everything delivered on every platform, rendered and as the notice records themselves. */
  List<String> delivered() {
    List<String> all = new ArrayList<>();
    for (Platform p : Platform.values()) {
      RecordingMessenger m = t.messenger(p);
      for (RecordingMessenger.Delivery d : m.attempts()) {
        all.add(d.rendered());
        all.add(String.valueOf(d.notice()));
        all.add(d.channel() + " " + d.user() + " " + d.messageRef());
      }
    }
    return all;
  }

  /** The pseudonyms stored for the session now, as authors and as voters. */
  Set<String> pseudonyms(SessionId s) {
    Set<String> found = new LinkedHashSet<>();
    t.query(
            "SELECT author_pseudonym FROM questions WHERE session_id = ?"
                + " AND author_pseudonym IS NOT NULL",
            s.value())
        .forEach(row -> found.add(row.get(0)));
    t.query("SELECT pseudonym FROM votes WHERE session_id = ?", s.value())
        .forEach(row -> found.add(row.get(0)));
    return found;
  }

  /** Runs the whole session up to its close, summary and exports. */
  InsiderScenario runToClose() {
    main =
        schedule(
            "Insider audit",
            "in 2h for 1h moderators slack:"
                + MOD_ID
                + " channels slack:C9AUDIT"
                + " teams:19:audit@thread.tacv2 k 5 release 1m");
    other =
        schedule("Other session", "in 1d moderators slack:" + MOD_ID + " channels slack:C9AUDIT");
    List<QuestionId> asked = ask();
    withdraw(asked);
    passTime(Duration.ofMinutes(2));
    expect(say(MODERATOR, "open " + main), Reply.Text.class);
    expect(say(MODERATOR, "escalate " + main + " at 20"), Reply.Text.class);
    vote();
    moderate();
    expect(say(MODERATOR, "close " + main), Reply.Text.class);
    passTime(Duration.ofSeconds(10));
    expect(say(MODERATOR, "summary " + main), Reply.Summary.class);
    for (String format : List.of("csv", "json", "md")) {
      expect(say(MODERATOR, "export " + main + " " + format), Reply.File.class);
    }
    expect(say(participant(4), "questions " + main), Reply.QuestionList.class);
    passTime(Duration.ofMinutes(1));
    return this;
  }

  Reply say(Actor actor, String text) {
    ChannelRef where = actor.platform() == Platform.TEAMS ? TEAMS : SLACK;
    Reply reply = t.candor().commands().handle(new CommandContext(actor, where), text);
    replies.add(PlainText.render(reply));
    replies.add(String.valueOf(reply));
    return reply;
  }

  private SessionId schedule(String title, String rest) {
    Reply r = say(t.organizer(), "schedule \"" + title + "\" " + rest);
    return expect(r, Reply.Scheduled.class).session().id();
  }

  /** 80 ask in the main session, every tenth of them twice; the first 20 ask in the other too. */
  private List<QuestionId> ask() {
    List<QuestionId> ids = new ArrayList<>();
    for (int n = 1; n <= ASKERS; n++) {
      String text = "Topic " + n + ": how will the reorganisation affect team " + (n % 7) + "?";
      texts.add(text);
      ids.add(
          expect(say(participant(n), "ask " + main + " " + text), Reply.Asked.class).result().id());
      if (n % 10 == 0) {
        expect(
            say(participant(n), "ask " + main + " And a follow-up, " + n + "?"), Reply.Asked.class);
      }
      if (n <= 20) {
        expect(
            say(participant(n), "ask " + other + " Hiring plans, " + n + "?"), Reply.Asked.class);
      }
      if (n % 8 == 0) {
        passTime(Duration.ofSeconds(20));
      }
    }
    return ids;
  }

  /** Three askers take their question back; a fourth tries to take someone else's. */
  private void withdraw(List<QuestionId> asked) {
    for (int n : new int[] {3, 13, 23}) {
      expect(say(participant(n), "withdraw " + asked.get(n - 1)), Reply.Text.class);
    }
    expect(say(participant(90), "withdraw " + asked.get(40)), Reply.Error.class);
  }

  /**
   * Everyone votes for up to five questions, and is refused a second vote for one; every seventh
   * takes a vote back.
   */
  private void vote() {
    List<QuestionId> board = List.of();
    List<QuestionId> there = List.of();
    for (int n = 1; n <= PARTICIPANTS; n++) {
      // Every fifth person lists the board; the others vote from what a colleague showed them.
      if (n % 5 == 1) {
        board = board(participant(n), main);
        there = n <= 30 ? board(participant(n), other) : there;
      }
      Set<QuestionId> picks = new LinkedHashSet<>();
      for (int k : new int[] {0, n, n * 7 + 1, n * 11 + 3, n * 13 + 5}) {
        picks.add(board.get(k % board.size()));
      }
      for (QuestionId q : picks) {
        expect(say(participant(n), "vote " + q), Reply.Text.class);
      }
      QuestionId first = picks.iterator().next();
      expect(say(participant(n), "vote " + first), Reply.Error.class); // only once
      if (n % 7 == 0) {
        expect(say(participant(n), "unvote " + first), Reply.Text.class);
      }
      if (n <= 30) {
        expect(say(participant(n), "vote " + there.get(n % there.size())), Reply.Text.class);
      }
      if (n % 10 == 0) {
        passTime(Duration.ofSeconds(5));
      }
    }
  }

  /** Three hidden, three merged, two answered; a participant then votes for a merged one. */
  private void moderate() {
    List<QuestionId> board = board(MODERATOR, main);
    assertThat(board).hasSizeGreaterThan(60);
    for (int i : new int[] {4, 9, 14}) {
      expect(say(MODERATOR, "hide " + board.get(i) + " Names a colleague"), Reply.Text.class);
    }
    for (int i : new int[] {20, 30, 40}) {
      expect(
          say(MODERATOR, "merge " + board.get(i) + " into " + board.get(i + 1)), Reply.Text.class);
    }
    expect(say(MODERATOR, "answer " + board.get(0) + " A plan comes in May."), Reply.Text.class);
    expect(say(MODERATOR, "answer " + board.get(1)), Reply.Text.class);
    expect(
        say(MODERATOR, "followup " + board.get(0) + " owner Facilities due 2026-06-30"),
        Reply.Text.class);
    expect(say(MODERATOR, "themes " + main), Reply.Text.class);
    expect(say(MODERATOR, "present " + main), Reply.Text.class);
    expect(say(participant(99), "vote " + board.get(20)), Reply.Error.class);
    expect(say(participant(98), "hide " + board.get(2)), Reply.Error.class);
    passTime(Duration.ofSeconds(5));
  }

  private List<QuestionId> board(Actor actor, SessionId session) {
    Reply r = say(actor, "questions " + session);
    return expect(r, Reply.QuestionList.class).view().board().entries().stream()
        .map(BoardEntry::id)
        .toList();
  }

  /** Time passes: the release tick and the outbox worker do what they would have done. */
  private void passTime(Duration d) {
    t.clock().advance(d);
    t.candor().jobs().releaseAllDue();
    t.deliverDue();
  }

  private static <R extends Reply> R expect(Reply reply, Class<R> kind) {
    assertThat(reply).as(PlainText.render(reply)).isInstanceOf(kind);
    return kind.cast(reply);
  }
}
