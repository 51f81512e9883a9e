package dev.candor.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The anonymity model, as far as the schema can prove it. */
interface SchemaContract extends StorageFixture {
  Set<Integer> TIME_TYPES =
      Set.of(
          Types.DATE,
          Types.TIME,
          Types.TIME_WITH_TIMEZONE,
          Types.TIMESTAMP,
          Types.TIMESTAMP_WITH_TIMEZONE);

  /** Column name to JDBC type of {@code table}, names in lower case. */
  private Map<String, Integer> columns(String table) throws SQLException {
    Map<String, Integer> columns = new HashMap<>();
    try (Connection c = database().dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
        try (ResultSet rs = meta.getColumns(null, null, name, null)) {
          while (rs.next()) {
            columns.put(
                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
          }
        }
      }
    }
    return columns;
  }

  @Test
  default void givenSchema_thenVotesHoldOnlyQuestionPseudonymAndSession() throws SQLException {
    assertThat(columns("votes")).containsOnlyKeys("question_id", "pseudonym", "session_id");
  }

  @Test
  default void givenSchema_thenQuestionsKeepNoTimeButTheReleaseBatch() throws SQLException {
    Map<String, Integer> questions = columns("questions");

    assertThat(questions).isNotEmpty();
    questions.forEach(
        (name, type) -> {
          if (TIME_TYPES.contains(type)) {
            assertThat(name).isEqualTo("released_at");
          }
        });
    assertThat(questions.keySet()).noneMatch(n -> n.contains("user") || n.contains("name"));
  }
}
