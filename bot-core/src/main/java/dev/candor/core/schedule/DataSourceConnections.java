package dev.candor.core.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz connections from Candor's own pool, so the job store lives in the same database as
 * everything else. The pool belongs to {@link dev.candor.core.store.Database}: Quartz's shutdown
 * leaves it open.
 */
final class DataSourceConnections implements ConnectionProvider {
  private final DataSource dataSource;

  DataSourceConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // the pool is the database's, closed with it
  }

  @Override
  public void initialize() {
    // nothing to set up: the pool is open already
  }
}
