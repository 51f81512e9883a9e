package dev.candor.core.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of a database's tables as text, for audits that search the whole database for something
 * that must not be there: one string per row, {@code TABLE: COLUMN=value, ...}, each value read as
 * a string. Works on H2 and PostgreSQL, for a {@link TestCandor} or for the database of Candor
 * processes a test started.
 */
public final class DatabaseDump {
  private DatabaseDump() {}

  /** The base tables of {@code schema} ({@code PUBLIC} on H2), by name. */
  public static List<String> tables(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      st.setString(1, schema);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  /** Every row of {@code tables}, which the connection's schema holds. */
  public static List<String> rows(Connection c, List<String> tables) throws SQLException {
    List<String> dump = new ArrayList<>();
    for (String table : tables) {
      try (PreparedStatement st = c.prepareStatement("SELECT * FROM \"" + table + "\"");
          ResultSet rs = st.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          StringBuilder row = new StringBuilder(table).append(':');
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.append(i == 1 ? " " : ", ")
                .append(meta.getColumnName(i))
                .append('=')
                .append(rs.getString(i));
          }
          dump.add(row.toString());
        }
      }
    }
    return dump;
  }
}
