package dev.candor.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.store.jdbc.JdbiStorage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @Test
  void givenDataDir_thenH2FileUrlIsAbsoluteAndInThatDir(@TempDir Path dir) {
    String url = Database.h2File(dir);

    assertThat(url)
        .startsWith(
            "jdbc:h2:file:" + dir.toAbsolutePath().toString().replace('\\', '/') + "/candor;")
        .contains("DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void givenEmbeddedDatabase_whenReopened_thenDataIsKeptAndMigrationsNotRerun(@TempDir Path dir) {
    ListeningSession saved;
    try (Database db = Database.open(Database.h2File(dir))) {
      assertThat(db.isPostgres()).isFalse();
      saved =
          new JdbiStorage(db)
              .inTransaction(t -> t.sessions().insert(TestSessions.defaultSession().build()));
    }

    try (Database db = Database.open(Database.h2File(dir))) {
      Optional<ListeningSession> found =
          new JdbiStorage(db).inTransaction(t -> t.sessions().find(saved.id()));
      assertThat(found).contains(saved);
    }
  }

  @Test
  void givenUnreachableDatabase_whenOpened_thenFailsWithoutRevealingTheUrl() {
    String url = "jdbc:postgresql://127.0.0.1:1/candor?password=s3cret";

    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(IllegalStateException.class)
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void givenInMemoryDatabase_whenClosed_thenItIsGone() {
    String url = Database.h2Memory("closing-" + System.nanoTime());
    try (Database db = Database.open(url)) {
      new JdbiStorage(db).run(t -> t.sessions().insert(TestSessions.defaultSession().build()));
    }

    try (Database db = Database.open(url)) {
      List<ListeningSession> all =
          new JdbiStorage(db)
              .inTransaction(t -> t.sessions().inStates(EnumSet.allOf(SessionState.class)));
      assertThat(all).isEmpty();
    }
  }
}
