package dev.candor.core.render;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.session.SessionId;
import dev.candor.core.summary.Followup;
import dev.candor.core.summary.FollowupView;
import dev.candor.core.summary.Policies;
import dev.candor.core.summary.SinceLast;
import dev.candor.core.summary.SummaryView;
import dev.candor.core.summary.Theme;
import dev.candor.core.summary.Themes;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Plain text of what issue 6 added: themes, follow-ups, escalation, similar questions and the
 * summary's sections on them. User text is printed as is, as in {@link PlainText}.
 */
public final class InsightText {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private InsightText() {}

  /** The answer to {@code themes}. */
  public static String themes(SessionId session, List<Theme> themes) {
    if (themes.isEmpty()) {
      return "No near-duplicate questions on the board of " + session + ".";
    }
    StringBuilder sb =
        new StringBuilder("Themes in ")
            .append(session)
            .append(
                ": questions asked in different words (merge one with: merge-cluster"
                    + " <question>)\n");
    int n = 0;
    for (Theme t : themes) {
      sb.append(theme(++n, t)).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  static String theme(int n, Theme t) {
    return String.format(
        "  %d. %s · %d questions · \"%s\"%n     %s",
        n,
        people(t.combinedVotes()),
        t.members().size(),
        t.representative().text(),
        t.members().stream()
            .map(m -> m.id() + (m.votes() < 0 ? "" : " (" + m.votes() + "▲)"))
            .collect(Collectors.joining(", ")));
  }

  private static String people(int n) {
    return n == 1 ? "1 person voted" : n + " people voted";
  }

  /** The answer to {@code merge-cluster}. */
  public static String merged(Themes.MergedCluster m) {
    return "Merged "
        + m.merged().stream().map(Object::toString).collect(Collectors.joining(", "))
        + " into "
        + m.into()
        + "; it now has "
        + (m.votes() == 1 ? "1 vote" : m.votes() + " votes")
        + ", one per person.";
  }

  /** The answer to {@code followup}. */
  public static String followup(Followup f) {
    if (f.done()) {
      return "The follow-up on " + f.question() + " is done; summaries from now on show it closed.";
    }
    return "Follow-up on "
        + f.question()
        + ": "
        + owner(f.owner(), f.due() == null ? null : DAY.format(f.due()))
        + ". The summary lists it until: followup "
        + f.question()
        + " done";
  }

  private static String owner(String owner, String due) {
    String who = owner == null ? "no owner yet" : "owner " + owner;
    return due == null ? who : who + ", due " + due;
  }

  /** The answer to {@code escalate}. */
  public static String escalation(SessionId session, Policies.EscalationSet set) {
    if (set.policy().escalateAt().isEmpty()) {
      return "Escalation is off for " + session + ".";
    }
    int at = set.policy().escalateAt().getAsInt();
    String now =
        set.escalatedAtOnce() == 0
            ? ""
            : " "
                + set.escalatedAtOnce()
                + (set.escalatedAtOnce() == 1 ? " question has" : " questions have")
                + " that many already; the organizer was told now.";
    return "The organizer of "
        + session
        + " is told privately, once, when a question reaches "
        + at
        + " votes."
        + now;
  }

  /** The lines after the note of an {@code ask} reply, or "" if there is nothing similar. */
  public static String similar(List<BoardEntry> similar) {
    if (similar.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nSimilar questions already asked:");
    for (BoardEntry e : similar) {
      sb.append("\n  ")
          .append(e.id())
          .append(e.votes() < 0 ? "" : " (" + e.votes() + "▲)")
          .append("  ")
          .append(e.text());
    }
    return sb.append("\n— vote for one instead? (vote <question>, then withdraw yours)").toString();
  }

  /** The summary's sections on what to act on, each line ending with a newline. */
  public static String summarySections(SummaryView s) {
    StringBuilder sb = new StringBuilder();
    sb.append("  Participants saw: ").append(s.tallyPolicy().describe());
    if (s.escalateAt().isPresent()) {
      sb.append(" · escalation at ").append(s.escalateAt().getAsInt()).append(" votes");
    }
    sb.append('\n');
    if (!s.themes().isEmpty()) {
      sb.append("  Themes (near-duplicates, people who voted for any of them):\n");
      int n = 0;
      for (Theme t : s.themes()) {
        sb.append("  ").append(theme(++n, t).replace("\n", "\n  ")).append('\n');
      }
    }
    entries(sb, "Escalated to the organizer", s.escalated());
    entries(sb, "Carried over from an earlier session", s.carriedOver());
    followups(sb, "Follow-ups", s.followups());
    followups(sb, "Follow-ups from earlier sessions", s.earlierFollowups());
    s.sinceLast().ifPresent(since -> sinceLast(sb, since));
    return sb.toString();
  }

  private static void entries(StringBuilder sb, String title, List<BoardEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    sb.append("  ").append(title).append(" (").append(entries.size()).append("):\n");
    for (BoardEntry e : entries) {
      sb.append("  ").append(PlainText.entry(e)).append('\n');
    }
  }

  private static void followups(StringBuilder sb, String title, List<FollowupView> list) {
    if (list.isEmpty()) {
      return;
    }
    long open = list.stream().filter(f -> !f.done()).count();
    sb.append("  ")
        .append(title)
        .append(" (")
        .append(open)
        .append(" open, ")
        .append(list.size() - open)
        .append(" closed):\n");
    for (FollowupView f : list) {
      sb.append("    ")
          .append(f.done() ? "[done] " : f.overdue() ? "[OVERDUE] " : "[open] ")
          .append(f.question())
          .append("  ")
          .append(f.text())
          .append(" — ")
          .append(owner(f.owner(), f.due() == null ? null : DAY.format(f.due())))
          .append('\n');
    }
  }

  private static void sinceLast(StringBuilder sb, SinceLast since) {
    sb.append("  Since the last session (")
        .append(since.previous().id())
        .append(" \"")
        .append(since.previous().title())
        .append("\"):\n");
    sb.append("    then: askers ")
        .append(since.then().askers())
        .append(" · voters ")
        .append(since.then().voters())
        .append(" · votes ")
        .append(since.then().votes())
        .append('\n');
    sb.append("    follow-ups from earlier sessions: ")
        .append(since.followupsClosed())
        .append(" closed since, ")
        .append(since.followupsOpen())
        .append(" still open\n");
    if (!since.askedAgain().isEmpty()) {
      sb.append("    asked again (like a question of last time):\n");
      for (BoardEntry e : since.askedAgain()) {
        sb.append("    ").append(PlainText.entry(e)).append('\n');
      }
    }
  }
}
