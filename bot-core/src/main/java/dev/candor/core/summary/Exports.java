package dev.candor.core.summary;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.candor.core.command.Command.ExportFormat;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a session's released questions with tallies, status, answers, themes and follow-ups, as
 * CSV, JSON or Markdown, always with tallies (moderators only). Exports name no one: there is
 * nobody to name in the data.
 */
public final class Exports {
  /**
   * Every text cell quoted, as OWASP advises against formula injection; numbers stay bare. A
   * missing value is an empty unquoted cell and an empty text {@code ""}, so a file reads back
   * exactly as written.
   */
  static final CsvMapper CSV =
      CsvMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
          .enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL)
          .build();

  /** The columns of {@link Row}; the header line is written bare, the cells below quoted. */
  static final CsvSchema CSV_SCHEMA = CSV.schemaFor(Row.class).withoutHeader();

  static final String CSV_HEADER = String.join(",", CSV_SCHEMA.getColumnNames()) + "\n";

  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;
  private final Summaries summaries;

  public Exports(Storage storage, Sessions sessions, Boards boards) {
    this(storage, sessions, boards, null);
  }

  /** Exports that add the summary's figures to JSON and Markdown. */
  public Exports(Storage storage, Sessions sessions, Boards boards, Summaries summaries) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
    this.summaries = summaries;
  }

  /** A file to hand to a moderator. */
  public record ExportFile(String fileName, String mediaType, String content) {}

  /**
   * One exported question. In CSV its text cells are {@linkplain #defuse defused}, so that a
   * spreadsheet never runs them as formulas.
   *
   * @param theme the id of the representative of the question's theme, if it belongs to one
   * @param escalated whether it reached the session's escalation threshold
   * @param carriedFrom the session it was carried over from, if any
   */
  @JsonPropertyOrder({
    "rank",
    "id",
    "status",
    "votes",
    "question",
    "answer",
    "hidden_reason",
    "merged_into",
    "theme",
    "escalated",
    "carried_from",
    "followup_owner",
    "followup_due",
    "followup_done"
  })
  public record Row(
      int rank,
      String id,
      String status,
      int votes,
      String question,
      String answer,
      @JsonProperty("hidden_reason") String hiddenReason,
      @JsonProperty("merged_into") String mergedInto,
      String theme,
      boolean escalated,
      @JsonProperty("carried_from") String carriedFrom,
      @JsonProperty("followup_owner") String followupOwner,
      @JsonProperty("followup_due") LocalDate followupDue,
      @JsonProperty("followup_done") Boolean followupDone) {}

  public ExportFile export(Actor actor, SessionId id, ExportFormat format) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "export it");
          List<Boards.Ranked> ranked = boards.ranked(tx, s);
          List<Theme> themes = Themes.of(tx, s, Boards.moderatorEntries(ranked));
          List<Row> rows = rows(tx, s, ranked, themes);
          String base = "candor-" + s.id();
          return switch (format) {
            case CSV -> new ExportFile(base + ".csv", "text/csv", csv(rows));
            case JSON ->
                new ExportFile(
                    base + ".json",
                    "application/json",
                    ExportFormats.json(s, rows, themes, summary(tx, s)));
            case MD ->
                new ExportFile(
                    base + ".md",
                    "text/markdown",
                    ExportFormats.markdown(s, rows, themes, summary(tx, s)));
          };
        });
  }

  private SummaryView summary(Tx tx, ListeningSession s) {
    return summaries == null ? null : summaries.compose(tx, s);
  }

  private static List<Row> rows(
      Tx tx, ListeningSession s, List<Boards.Ranked> ranked, List<Theme> themes) {
    Map<QuestionId, String> themeOf = new HashMap<>();
    for (Theme t : themes) {
      t.members().forEach(m -> themeOf.put(m.id(), t.representative().id().toString()));
    }
    Set<QuestionId> escalated = tx.escalations().bySession(s.id()).keySet();
    Map<QuestionId, SessionId> carried = tx.sessions().series().carried(s.id());
    Map<QuestionId, Followup> followups = new HashMap<>();
    tx.followups().bySession(s.id()).forEach(f -> followups.put(f.question(), f));
    List<Row> rows = new ArrayList<>();
    int rank = 0;
    for (Boards.Ranked r : ranked) {
      Question q = r.question();
      Followup f = followups.get(q.id());
      rows.add(
          new Row(
              ++rank,
              q.id().toString(),
              q.status().label(),
              r.votes(),
              q.text(),
              q.answer(),
              q.hiddenReason(),
              q.mergedInto() == null ? null : q.mergedInto().toString(),
              themeOf.get(q.id()),
              escalated.contains(q.id()),
              carried.containsKey(q.id()) ? carried.get(q.id()).toString() : null,
              f == null ? null : f.owner(),
              f == null ? null : f.due(),
              f == null ? null : f.done()));
    }
    return rows;
  }

  static String csv(List<Row> rows) {
    try {
      return CSV_HEADER
          + CSV.writer(CSV_SCHEMA).writeValueAsString(rows.stream().map(Exports::defused).toList());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row defused(Row r) {
    return new Row(
        r.rank(),
        r.id(),
        r.status(),
        r.votes(),
        defuse(r.question()),
        defuse(r.answer()),
        defuse(r.hiddenReason()),
        r.mergedInto(),
        r.theme(),
        r.escalated(),
        r.carriedFrom(),
        defuse(r.followupOwner()),
        r.followupDue(),
        r.followupDone());
  }

  /**
   * Defuses text against spreadsheet formula injection: a value starting with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets
   * show as text. Combined with quoting every text cell, as OWASP recommends.
   */
  static String defuse(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
