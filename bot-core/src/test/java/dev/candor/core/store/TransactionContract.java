package dev.candor.core.store;

import static dev.candor.core.store.StorageFixture.pseudonym;
import static dev.candor.core.store.TestQuestions.pendingQuestion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.Target;
import dev.candor.core.question.Question;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

interface TransactionContract extends StorageFixture {

  @Test
  default void givenExceptionInsideTransaction_thenItPropagatesAndNothingIsStored() {
    CandorException failure = CandorException.wrongState("boom");
    List<SessionId> created = new ArrayList<>();

    assertThatThrownBy(
            () ->
                storage()
                    .run(
                        t -> {
                          ListeningSession s =
                              t.sessions().insert(TestSessions.defaultSession().build());
                          created.add(s.id());
                          t.keys().insert(s.id(), new byte[] {1, 2, 3});
                          Question q = pendingQuestion(s.id()).build();
                          t.questions().insert(q);
                          t.votes().add(s.id(), q.id(), pseudonym("v1"));
                          t.outbox()
                              .enqueue(
                                  OutboxItem.pending(
                                      "k",
                                      s.id(),
                                      Target.channel(TestSessions.GENERAL),
                                      NoticeKind.BOARD,
                                      "{}",
                                      Instant.EPOCH,
                                      Instant.EPOCH));
                          throw failure;
                        }))
        .isSameAs(failure);

    SessionId id = created.get(0);
    assertThat(sessions().find(id)).isEmpty();
    assertThat(keys().find(id)).isEmpty();
    assertThat(questions().bySession(id)).isEmpty();
    assertThat(votes().total(id)).isZero();
    assertThat(outbox().countPending()).isZero();
  }

  @Test
  default void givenWorkReturningAValue_thenItIsCommittedAndReturned() {
    ListeningSession s = sessions().insert(TestSessions.defaultSession().build());

    assertThat(sessions().find(s.id())).contains(s);
  }

  @Test
  default void givenSessionLocked_whenAnotherTransactionLocksIt_thenItWaitsForTheFirstToEnd()
      throws Exception {
    SessionId s = savedSession().id();
    CountDownLatch locked = new CountDownLatch(1);
    List<String> events = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                storage()
                    .run(
                        t -> {
                          t.sessions().lock(s);
                          locked.countDown();
                          sleep(300);
                          t.sessions().updateState(s, SessionState.OPEN);
                          events.add("first ends");
                        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    SessionState seen =
        tx(
            t -> {
              SessionState state = t.sessions().lock(s).orElseThrow().state();
              events.add("second locks");
              return state;
            });
    first.get(10, TimeUnit.SECONDS);

    assertThat(events).containsExactly("first ends", "second locks");
    assertThat(seen).isEqualTo(SessionState.OPEN);
  }

  @Test
  default void givenConcurrentWorkers_whenClaiming_thenEachItemIsClaimedOnce() throws Exception {
    SessionId s = savedSession().id();
    Instant now = Instant.parse("2030-03-14T18:00:00Z");
    int items = 40;
    storage()
        .run(
            t -> {
              for (int i = 0; i < items; i++) {
                t.outbox()
                    .enqueue(
                        OutboxItem.pending(
                            "item-" + i,
                            s,
                            Target.channel(TestSessions.GENERAL),
                            NoticeKind.BOARD,
                            "{}",
                            now,
                            now));
              }
            });
    List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
    int workers = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 20; round++) {
                    tx(t -> t.outbox().claimDue(now, 3)).forEach(i -> claimed.add(i.id()));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> worker : running) {
        worker.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Set<Long> distinct = new HashSet<>(claimed);
    assertThat(claimed).hasSize(distinct.size());
    assertThat(distinct).hasSize(items);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
