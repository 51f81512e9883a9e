package dev.candor.core.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.summary.Exports.Row;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON and Markdown forms of an export; CSV is written by {@link Exports} itself. */
final class ExportFormats {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ExportFormats() {}

  static String json(ListeningSession s, List<Row> rows, List<Theme> themes, SummaryView summary) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("session", s.id().toString());
    doc.put("title", s.title());
    doc.put("state", s.state().label());
    doc.put("startsAt", s.startsAt());
    doc.put("endsAt", s.endsAt());
    doc.put("timeZone", s.zone().getId());
    if (summary != null) {
      doc.put("participation", participation(summary));
      doc.put("tallyPolicy", summary.tallyPolicy().label());
      doc.put(
          "escalateAt", summary.escalateAt().isPresent() ? summary.escalateAt().getAsInt() : null);
    }
    doc.put("questions", rows);
    List<Map<String, Object>> t = new ArrayList<>();
    for (Theme theme : themes) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("representative", theme.representative().id().toString());
      one.put("wording", theme.representative().text());
      one.put("combinedVotes", theme.combinedVotes());
      one.put("members", theme.members().stream().map(m -> m.id().toString()).toList());
      t.add(one);
    }
    doc.put("themes", t);
    if (summary != null) {
      doc.put("followups", summary.followups());
      doc.put("earlierFollowups", summary.earlierFollowups());
    }
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> participation(SummaryView s) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("askers", s.participation().askers().toString());
    p.put("voters", s.participation().voters().toString());
    p.put("votes", s.participation().votes().toString());
    return p;
  }

  static String markdown(
      ListeningSession s, List<Row> rows, List<Theme> themes, SummaryView summary) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(md(s.title())).append(" (").append(s.id()).append(")\n\n");
    if (summary != null) {
      sb.append("Askers: ")
          .append(summary.participation().askers())
          .append(" · voters: ")
          .append(summary.participation().voters())
          .append(" · votes: ")
          .append(summary.participation().votes())
          .append("\n\n");
    }
    sb.append("| # | Votes | Status | Question | Answer |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ")
          .append(r.rank())
          .append(" | ")
          .append(r.votes())
          .append(" | ")
          .append(r.status())
          .append(r.escalated() ? " ⚑" : "")
          .append(" | ")
          .append(md(r.question()))
          .append(" | ")
          .append(r.answer() == null ? "" : md(r.answer()))
          .append(" |\n");
    }
    if (!themes.isEmpty()) {
      sb.append("\n## Themes\n\n");
      for (Theme t : themes) {
        sb.append("- **")
            .append(md(t.representative().text()))
            .append("** — ")
            .append(t.combinedVotes())
            .append(" people, ")
            .append(t.members().size())
            .append(" questions (");
        for (int i = 0; i < t.members().size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(t.members().get(i).id());
        }
        sb.append(")\n");
      }
    }
    if (summary != null && !summary.followups().isEmpty()) {
      sb.append("\n## Follow-ups\n\n");
      for (FollowupView f : summary.followups()) {
        sb.append("- ")
            .append(f.done() ? "[x] " : "[ ] ")
            .append(md(f.text()))
            .append(f.owner() == null ? "" : " — " + md(f.owner()))
            .append(f.due() == null ? "" : ", due " + f.due())
            .append(f.overdue() ? " (overdue)" : "")
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** Escapes Markdown so user text cannot add links, images, HTML or break the table. */
  static String md(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_{}[]()<>#+-.!|~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
