package dev.candor.adapters.slack.render;

import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Views to render, built directly: a session in Berlin and a few board entries. */
final class Fixtures {
  static final Instant START = Instant.parse("2026-03-03T14:00:00Z");

  private Fixtures() {}

  static SessionView session(SessionState state) {
    return new SessionView(
        new SessionId(12),
        "Budget Q&A <with the director>",
        state,
        START,
        START.plusSeconds(3600),
        ZoneId.of("Europe/Berlin"),
        List.of(new ChannelRef(Platform.SLACK, "C0BOARD")),
        5);
  }

  static BoardEntry entry(String code, String text, int votes, int rank) {
    return new BoardEntry(new QuestionId(code), text, votes, QuestionStatus.PUBLISHED, null, rank);
  }

  static BoardView board(SessionState state, List<BoardEntry> entries) {
    return new BoardView(
        session(state), entries, new Participation(7, 4, 19).view(5), START.minusSeconds(600));
  }

  static List<BoardEntry> standardEntries() {
    return List.of(
        entry("7kdm", "Why is the travel budget cut by half?", 12, 1),
        new BoardEntry(
            new QuestionId("h3xp"),
            "Will the Leeds office stay open?",
            6,
            QuestionStatus.ANSWERED,
            "Yes, at least until 2027.",
            2),
        entry("p2rt", "What happens to the night shift?", 1, 3));
  }

  static List<BoardEntry> many(int n) {
    List<BoardEntry> out = new ArrayList<>();
    String alphabet = "23456789abcdefghjkmnprstuvwxyz";
    for (int i = 0; i < n; i++) {
      String code = "" + alphabet.charAt(i % 30) + alphabet.charAt(i / 30) + "zz";
      out.add(entry(code, "Question number " + (i + 1) + "?", n - i, i + 1));
    }
    return out;
  }
}
