package dev.candor.core.schedule;

import dev.candor.core.identity.MasterKey;
import dev.candor.core.store.Database;
import dev.candor.core.testing.LogCapture;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DebugTmpTest {
  @Test
  void debug() throws Exception {
    String u = UUID.randomUUID().toString();
    try (Database db = Database.open(Database.h2Memory("dbg-" + u));
        LogCapture logs = LogCapture.rootAtDebug()) {
      RealTimeNode n = RealTimeNode.on(db, MasterKey.random(), Duration.ofSeconds(20));
      n.start(db, "dbg-" + u, false, Duration.ofHours(1));
      var s = n.schedule(Duration.ofSeconds(22));
      System.out.println(
          "DIRECT "
              + n.candor.storage().inTransaction(tx -> tx.outbox().countPending())
              + " "
              + s
              + " now "
              + java.time.Instant.now());
      Thread.sleep(4000);
      System.out.println(
          "ROWS " + n.candor.storage().inTransaction(tx -> tx.outbox().countPending()));
      try (var c = db.dataSource().getConnection();
          var rs =
              c.createStatement().executeQuery("SELECT dedupe_key, payload, status FROM outbox")) {
        while (rs.next())
          System.out.println(
              "ROW " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
      n.close();
      for (String l : logs.lines()) {
        if (!l.contains("org.quartz.impl.jdbcjobstore.StdRowLockSemaphore")
            && !l.contains("Hikari")
            && !l.contains("flyway")
            && !l.contains("jdbi"))
          System.out.println("LOG " + l.substring(0, Math.min(300, l.length())));
      }
    }
  }
}
