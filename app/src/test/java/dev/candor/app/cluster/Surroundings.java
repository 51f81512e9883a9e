package dev.candor.app.cluster;

import dev.candor.adapters.slack.FakeSlackApi;
import dev.candor.core.testing.SharedPostgres;
import java.io.IOException;

/**
 * What a test of Candor processes runs them in: a fresh schema on the embedded PostgreSQL, the fake
 * Slack Web API, and signed Slack requests to send them.
 */
final class Surroundings implements AutoCloseable {
  final String schema;
  final FakeSlackApi slack;
  final SignedSlack signed;

  private Surroundings(String schema, FakeSlackApi slack) {
    this.schema = schema;
    this.slack = slack;
    this.signed = new SignedSlack(slack);
  }

  static Surroundings open(String prefix) throws IOException {
    return new Surroundings(SharedPostgres.freshSchema(prefix), new FakeSlackApi());
  }

  /** The URL that puts a node, or the test, in this schema. */
  String jdbcUrl() {
    return SharedPostgres.jdbcUrl(schema);
  }

  @Override
  public void close() {
    try {
      slack.close();
    } finally {
      SharedPostgres.dropSchema(schema);
    }
  }
}
