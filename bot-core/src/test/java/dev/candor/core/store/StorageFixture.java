package dev.candor.core.store;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.question.Question;
import dev.candor.core.session.ListeningSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * What every part of the storage contract gets from {@link StorageContract}: a fresh, migrated,
 * empty database per test, and shortcuts. {@link #sessions()}, {@link #questions()} and the like
 * run each call in a transaction of its own; a test that needs several calls in one transaction
 * uses {@link #tx} or {@code storage().run}.
 */
interface StorageFixture {
  Storage storage();

  Database database();

  default <T> T tx(Function<Tx, T> work) {
    return storage().inTransaction(work);
  }

  default SessionRepo sessions() {
    return eachCallCommitted(SessionRepo.class, Tx::sessions);
  }

  default QuestionRepo questions() {
    return eachCallCommitted(QuestionRepo.class, Tx::questions);
  }

  default VoteRepo votes() {
    return eachCallCommitted(VoteRepo.class, Tx::votes);
  }

  default KeyRepo keys() {
    return eachCallCommitted(KeyRepo.class, Tx::keys);
  }

  default OutboxRepo outbox() {
    return eachCallCommitted(OutboxRepo.class, Tx::outbox);
  }

  default BoardMessageRepo boards() {
    return eachCallCommitted(BoardMessageRepo.class, Tx::boards);
  }

  default ConversationRepo conversations() {
    return eachCallCommitted(ConversationRepo.class, Tx::conversations);
  }

  default ListeningSession saved(TestSessions.Builder session) {
    return sessions().insert(session.build());
  }

  default ListeningSession savedSession() {
    return saved(TestSessions.defaultSession());
  }

  default Question saved(TestQuestions.Builder question) {
    Question q = question.build();
    questions().insert(q);
    return q;
  }

  static Pseudonym pseudonym(String name) {
    return new Pseudonym(name);
  }

  private <R> R eachCallCommitted(Class<R> repo, Function<Tx, R> pick) {
    Object proxy =
        Proxy.newProxyInstance(
            repo.getClassLoader(),
            new Class<?>[] {repo},
            (self, method, args) ->
                storage().inTransaction(t -> call(method, pick.apply(t), args)));
    return repo.cast(proxy);
  }

  private static Object call(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
