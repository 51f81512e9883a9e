package dev.candor.core.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.Argument;

/** Column conversions shared by the repositories, explicit rather than left to driver defaults. */
final class Sql {
  /** SQLState of a unique or primary key violation, on H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  /**
   * An instant as {@code TIMESTAMP WITH TIME ZONE} in UTC, or SQL NULL. Both databases keep
   * microseconds, so finer digits are lost.
   */
  static Argument timestamp(Instant value) {
    return (position, statement, ctx) -> {
      if (value == null) {
        statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        statement.setObject(position, value.atOffset(ZoneOffset.UTC));
      }
    };
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Whether {@code e} was caused by a unique or primary key violation. */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Cuts {@code text} to fit a column of {@code max} characters. */
  static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
