package dev.candor.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.RecordingMessenger;
import dev.candor.core.testing.TestCandor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The anonymity model, audited end to end: sixty participants on Slack and Teams ask and vote
 * through the text commands while every log line of the process is captured at DEBUG; then the
 * whole database, the logs, the outbox and everything delivered or replied to moderators are
 * searched for any participant's user id. Archiving must then make every pseudonym of the session
 * impossible to recompute.
 */
class AnonymityAuditTest {
  private static final String ID_PREFIX = "U-PART-";
  private static final int PARTICIPANTS = 60;
  private static final String SLACK_TENANT = "T-ACME";
  private static final String TEAMS_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, "C-TOWNHALL");
  private static final ChannelRef TEAMS_CHANNEL =
      new ChannelRef(Platform.TEAMS, "19:townhall@thread.tacv2");
  private static final Actor MODERATOR = new Actor(Platform.SLACK, SLACK_TENANT, "U-MOD-0001");

  /** Participant n: Slack for the first half, Teams for the second. Ids share a telltale prefix. */
  private static Actor participant(int n) {
    String id = ID_PREFIX + String.format(Locale.ROOT, "%04d", n);
    return n <= PARTICIPANTS / 2
        ? new Actor(Platform.SLACK, SLACK_TENANT, id)
        : new Actor(Platform.TEAMS, TEAMS_TENANT, id);
  }

  /** The display name a platform would show; Actor has no place for it and nothing may carry it. */
  private static String displayName(int n) {
    return String.format(Locale.ROOT, "Participant Name %04d", n);
  }

  @Test
  void givenFullSessionThroughCommands_thenNoParticipantIdIsStoredLoggedOrSentAndArchiveShredsAll()
      throws Exception {
    try (LogCapture logs = LogCapture.rootAtDebug();
        TestCandor t =
            TestCandor.create()
                .withChannels(SLACK_CHANNEL, TEAMS_CHANNEL)
                .withModerators(MODERATOR.ref())
                .withCooldown(Duration.ofSeconds(10))
                .build()) {
      Scenario run = new Scenario(t);
      SessionId a = run.schedule("All-hands Q&A", "in 2h");
      SessionId b = run.schedule("Follow-up", "in 1d");
      List<String> questionTexts = run.askEveryone(a, b);
      run.voteEveryone(a, b);
      run.moderate(a);
      run.closeAndSummarize(a);

      // Positive controls: the searches below look at real, non-empty material.
      List<String> dump = t.dumpAllTables();
      assertThat(t.tableNames())
          .contains("SESSIONS", "QUESTIONS", "VOTES", "SESSION_KEYS", "OUTBOX", "BOARD_MESSAGES");
      assertThat(String.join("\n", dump)).contains(questionTexts.get(0)).contains("U-MOD-0001");
      assertThat(t.count("votes")).isGreaterThan(150);
      assertThat(logs.lines()).hasSizeGreaterThan(20);
      assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.DEBUG);
      assertThat(t.messenger(Platform.SLACK).deliveries()).isNotEmpty();
      assertThat(t.messenger(Platform.TEAMS).deliveries()).isNotEmpty();

      assertNoParticipantIdIn("the database", dump);
      assertNoParticipantIdIn("the logs", logs.lines());
      assertNoParticipantIdIn(
          "the outbox payloads and targets",
          t.outbox().stream().map(i -> i.payload() + " " + i.target()).toList());
      assertThat(t.outbox())
          .extracting(OutboxItem::payload)
          .noneMatch(p -> questionTexts.stream().anyMatch(p::contains));
      assertNoParticipantIdIn("delivered messages", run.rendered());
      assertNoParticipantIdIn("moderator replies", run.moderatorReplies);

      // Pseudonyms: correct HMACs under their own session's key, unrelated across sessions.
      byte[] keyA = unwrappedKey(t, a);
      byte[] keyB = unwrappedKey(t, b);
      Set<String> storedA = storedPseudonyms(t, a);
      Set<String> storedB = storedPseudonyms(t, b);
      Set<String> hmacA = new HashSet<>();
      Set<String> hmacB = new HashSet<>();
      for (int n = 1; n <= PARTICIPANTS; n++) {
        hmacA.add(hmac(keyA, participant(n)));
        hmacB.add(hmac(keyB, participant(n)));
      }
      assertThat(storedA).hasSize(PARTICIPANTS).isEqualTo(hmacA);
      assertThat(storedB).isNotEmpty().isSubsetOf(hmacB);
      assertThat(storedA).doesNotContainAnyElementsOf(hmacB);
      assertThat(storedB).doesNotContainAnyElementsOf(hmacA);
      assertThat(storedA).doesNotContainAnyElementsOf(storedB);
      assertThat(logs.text()).satisfies(text -> assertThat(storedA).noneMatch(text::contains));

      // Archive: the key goes, and with it every way back to a person.
      assertThat(run.say(t.organizer(), "archive " + a)).isInstanceOf(Reply.Text.class);

      assertThat(t.keyExists(a)).isFalse();
      for (int n = 1; n <= PARTICIPANTS; n++) {
        assertThat(t.recompute(a, participant(n))).as("pseudonym of participant %d", n).isEmpty();
      }
      String after = String.join("\n", t.dumpAllTables());
      assertThat(storedA).noneMatch(after::contains);
      assertThat(storedPseudonyms(t, a)).isEmpty();
      assertThat(storedPseudonyms(t, b)).isEqualTo(storedB); // the other session is untouched
      assertThat(storedPseudonyms(t, b)).doesNotContainAnyElementsOf(hmacA);
      assertNoParticipantIdIn("the database after archive", t.dumpAllTables());
      assertNoParticipantIdIn("the logs after archive", logs.lines());
      assertThat(t.board(a).entries()).isNotEmpty(); // what was asked stays readable
    }
  }

  /** The session run through commands, as the platforms would send them. */
  private static final class Scenario {
    private final TestCandor t;
    private final List<String> moderatorReplies = new ArrayList<>();

    Scenario(TestCandor t) {
      this.t = t;
    }

    Reply say(Actor actor, String text) {
      ChannelRef where = actor.platform() == Platform.TEAMS ? TEAMS_CHANNEL : SLACK_CHANNEL;
      Reply reply = t.candor().commands().handle(new CommandContext(actor, where), text);
      if (actor.equals(MODERATOR) || actor.equals(t.organizer())) {
        moderatorReplies.add(PlainText.render(reply));
      }
      return reply;
    }

    SessionId schedule(String title, String start) {
      Reply r =
          say(
              t.organizer(),
              "schedule \""
                  + title
                  + "\" "
                  + start
                  + " for 1h moderators slack:U-MOD-0001"
                  + " channels slack:C-TOWNHALL teams:19:townhall@thread.tacv2 k 5 release 2m");
      assertThat(r).as(PlainText.render(r)).isInstanceOf(Reply.Scheduled.class);
      return ((Reply.Scheduled) r).session().id();
    }

    /** Everyone asks in A, every tenth person twice; the first twenty ask in B too. */
    List<String> askEveryone(SessionId a, SessionId b) {
      List<String> texts = new ArrayList<>();
      for (int n = 1; n <= PARTICIPANTS; n++) {
        String text = "Topic " + n + ": what is the plan for the office move and the budget?";
        texts.add(text);
        assertAsked(say(participant(n), "ask " + a + " " + text));
        passTime(Duration.ofSeconds(7));
        if (n <= 20) {
          assertAsked(say(participant(n), "ask " + b + " Follow-up topic " + n + " on hiring"));
        }
      }
      passTime(Duration.ofSeconds(10));
      for (int n = 10; n <= PARTICIPANTS; n += 10) {
        assertAsked(say(participant(n), "ask " + a + " Second thought " + n + " on remote work"));
      }
      passTime(Duration.ofMinutes(2));
      return texts;
    }

    void voteEveryone(SessionId a, SessionId b) {
      for (int n = 1; n <= PARTICIPANTS; n++) {
        List<QuestionId> board = board(participant(n), a);
        assertThat(board).hasSizeGreaterThan(60);
        Set<QuestionId> picks = new LinkedHashSet<>();
        for (int k : new int[] {n * 7, n * 11 + 3, n * 13 + 5, 0}) {
          picks.add(board.get(k % board.size()));
        }
        for (QuestionId q : picks) {
          assertThat(say(participant(n), "vote " + q)).isInstanceOf(Reply.Text.class);
        }
        if (n % 5 == 0) {
          QuestionId first = picks.iterator().next();
          assertThat(say(participant(n), "unvote " + first)).isInstanceOf(Reply.Text.class);
        }
        if (n <= 20) {
          List<QuestionId> other = board(participant(n), b);
          assertThat(say(participant(n), "vote " + other.get(n % other.size())))
              .isInstanceOf(Reply.Text.class);
        }
        passTime(Duration.ofSeconds(2));
      }
    }

    void moderate(SessionId a) {
      List<QuestionId> board = board(MODERATOR, a);
      assertThat(say(MODERATOR, "hide " + board.get(5) + " Names a colleague"))
          .isInstanceOf(Reply.Text.class);
      assertThat(say(MODERATOR, "answer " + board.get(0) + " We will publish the plan in May"))
          .isInstanceOf(Reply.Text.class);
      assertThat(say(MODERATOR, "merge " + board.get(2) + " into " + board.get(1)))
          .isInstanceOf(Reply.Text.class);
      passTime(Duration.ofSeconds(5));
    }

    void closeAndSummarize(SessionId a) {
      assertThat(say(MODERATOR, "close " + a)).isInstanceOf(Reply.Text.class);
      assertThat(say(MODERATOR, "summary " + a)).isInstanceOf(Reply.Summary.class);
      for (String format : List.of("csv", "json", "md")) {
        assertThat(say(MODERATOR, "export " + a + " " + format)).isInstanceOf(Reply.File.class);
      }
      assertThat(say(participant(3), "questions " + a)).isInstanceOf(Reply.QuestionList.class);
      passTime(Duration.ofSeconds(5));
    }

    List<String> rendered() {
      List<String> all = new ArrayList<>();
      for (Platform p : Platform.values()) {
        RecordingMessenger m = t.messenger(p);
        all.addAll(m.rendered());
        m.deliveries().forEach(d -> all.add(String.valueOf(d.notice())));
      }
      return all;
    }

    private List<QuestionId> board(Actor actor, SessionId session) {
      Reply r = say(actor, "questions " + session);
      assertThat(r).as(PlainText.render(r)).isInstanceOf(Reply.QuestionList.class);
      return ((Reply.QuestionList) r)
          .view().board().entries().stream().map(BoardEntry::id).toList();
    }

    private void assertAsked(Reply r) {
      assertThat(r).as(PlainText.render(r)).isInstanceOf(Reply.Asked.class);
    }

    /** Time passes: the release tick and the outbox worker do what they would have done. */
    private void passTime(Duration d) {
      t.clock().advance(d);
      t.candor().jobs().releaseAllDue();
      t.deliverDue();
    }
  }

  private static void assertNoParticipantIdIn(String where, List<String> material) {
    assertThat(material).as(where).isNotEmpty();
    for (String item : material) {
      String upper = item.toUpperCase(Locale.ROOT);
      assertThat(upper).as("%s must not contain a participant id", where).doesNotContain(ID_PREFIX);
      for (int n = 1; n <= PARTICIPANTS; n++) {
        assertThat(item)
            .as("%s must not contain a participant's name", where)
            .doesNotContain(displayName(n));
      }
    }
  }

  private static Set<String> storedPseudonyms(TestCandor t, SessionId s) {
    Set<String> found = new HashSet<>();
    t.query(
            "SELECT author_pseudonym FROM questions WHERE session_id = ?"
                + " AND author_pseudonym IS NOT NULL",
            s.value())
        .forEach(row -> found.add(row.get(0)));
    t.query("SELECT pseudonym FROM votes WHERE session_id = ?", s.value())
        .forEach(row -> found.add(row.get(0)));
    return found;
  }

  private static byte[] unwrappedKey(TestCandor t, SessionId s) {
    byte[] wrapped = t.tx(tx -> tx.keys().find(s)).orElseThrow();
    return t.masterKey().unwrap(wrapped);
  }

  /** HMAC-SHA256(key, platform|tenant|user), base64url, computed here independently. */
  private static String hmac(byte[] key, Actor actor) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String material = actor.platform().id() + "|" + actor.tenant() + "|" + actor.userId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)));
  }
}
