package dev.candor.core.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.candor.core.command.Command.ExportFormat;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Question;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a session's released questions with tallies, status and answers, as CSV, JSON or
 * Markdown. Exports name no one: there is nobody to name in the data.
 */
public final class Exports {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;

  public Exports(Storage storage, Sessions sessions, Boards boards) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
  }

  /** A file to hand to a moderator. */
  public record ExportFile(String fileName, String mediaType, String content) {}

  /** One exported question. */
  public record Row(
      int rank, String id, String status, int votes, String question, String answer,
      String hiddenReason, String mergedInto) {}

  public ExportFile export(Actor actor, SessionId id, ExportFormat format) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "export it");
          List<Row> rows = new ArrayList<>();
          int rank = 0;
          for (Boards.Ranked r : boards.ranked(tx, s)) {
            Question q = r.question();
            rows.add(
                new Row(
                    ++rank, q.id().toString(), q.status().label(), r.votes(), q.text(),
                    q.answer(), q.hiddenReason(),
                    q.mergedInto() == null ? null : q.mergedInto().toString()));
          }
          String base = "candor-" + s.id();
          return switch (format) {
            case CSV -> new ExportFile(base + ".csv", "text/csv", csv(rows));
            case JSON -> new ExportFile(base + ".json", "application/json", json(s, rows));
            case MD -> new ExportFile(base + ".md", "text/markdown", markdown(s, rows));
          };
        });
  }

  static String csv(List<Row> rows) {
    StringBuilder sb = new StringBuilder("rank,id,status,votes,question,answer,hidden_reason,merged_into\n");
    for (Row r : rows) {
      sb.append(r.rank()).append(',')
          .append(cell(r.id())).append(',')
          .append(cell(r.status())).append(',')
          .append(r.votes()).append(',')
          .append(cell(r.question())).append(',')
          .append(cell(r.answer())).append(',')
          .append(cell(r.hiddenReason())).append(',')
          .append(cell(r.mergedInto())).append('\n');
    }
    return sb.toString();
  }

  /**
   * One CSV cell: quoted as RFC 4180 asks, and defused against spreadsheet formula injection (a
   * question starting with {@code =}, {@code +}, {@code -} or {@code @} is prefixed with a quote).
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        || !v.equals(v.strip()) || v.startsWith("'")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  static String json(ListeningSession s, List<Row> rows) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("session", s.id().toString());
    doc.put("title", s.title());
    doc.put("state", s.state().label());
    doc.put("startsAt", s.startsAt());
    doc.put("endsAt", s.endsAt());
    doc.put("timeZone", s.zone().getId());
    doc.put("questions", rows);
    try {
      StringWriter w = new StringWriter();
      JSON.writeValue(w, doc);
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String markdown(ListeningSession s, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(md(s.title())).append(" (").append(s.id()).append(")\n\n");
    sb.append("| # | Votes | Status | Question | Answer |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.rank())
          .append(" | ").append(r.votes())
          .append(" | ").append(r.status())
          .append(" | ").append(md(r.question()))
          .append(" | ").append(r.answer() == null ? "" : md(r.answer()))
          .append(" |\n");
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
