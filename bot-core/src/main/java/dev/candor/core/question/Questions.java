package dev.candor.core.question;

import dev.candor.core.CandorException;
import dev.candor.core.Counters;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Pseudonym;
import dev.candor.core.identity.SessionKeys;
import dev.candor.core.session.Access;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.session.Sessions;
import dev.candor.core.similar.SimilarIndex;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Asking, withdrawing and listing questions. */
public final class Questions {
  private static final int ID_ATTEMPTS = 8;

  /** How many similar questions an asker is shown at most. */
  public static final int SIMILAR_LIMIT = 3;

  private final Storage storage;
  private final Sessions sessions;
  private final SessionKeys keys;
  private final Access access;
  private final Release release;
  private final Boards boards;
  private final Outbox outbox;
  private final Clock clock;
  private final Counters counters;

  /**
   * When each pseudonym last asked, kept in memory only: a spam guard must not leave a timestamp
   * beside a pseudonym in the database.
   */
  private final ConcurrentMap<String, Instant> lastAsked = new ConcurrentHashMap<>();

  public Questions(
      Storage storage,
      Sessions sessions,
      SessionKeys keys,
      Access access,
      Release release,
      Boards boards,
      Outbox outbox,
      Clock clock,
      Counters counters) {
    this.storage = storage;
    this.sessions = sessions;
    this.keys = keys;
    this.access = access;
    this.release = release;
    this.boards = boards;
    this.outbox = outbox;
    this.clock = clock;
    this.counters = counters;
  }

  /** Asks a question anonymously in a session that takes questions. */
  public AskResult ask(Actor actor, SessionId sessionId, String rawText) {
    String text = QuestionText.clean(rawText);
    AskResult asked =
        storage.inTransaction(
            tx -> {
              ListeningSession s = sessions.lockTakingQuestions(tx, sessionId);
              SessionSettings rules = s.settings();
              Pseudonym me = keys.pseudonym(tx, s.id(), actor);
              if (tx.questions().countByAuthor(s.id(), me) >= rules.maxQuestionsPerPerson()) {
                throw CandorException.limit(
                    "You have asked "
                        + rules.maxQuestionsPerPerson()
                        + " questions in "
                        + s.id()
                        + ", the most one person may. You can still vote, or withdraw one of yours.");
              }
              checkCooldown(s, me, rules.askCooldown());
              Question q = insertWithFreshId(tx, s, me, text, !rules.premoderated());
              lastAsked.put(cooldownKey(s.id(), me), clock.instant());
              boolean released = release.releaseIfDue(tx, s) > 0 && isReleased(tx, q.id());
              return new AskResult(
                  q.id(), text, released, note(tx, s, released), similar(tx, s, q.id(), text));
            });
    counters.recordAsk(actor.platform());
    return asked;
  }

  /** Withdraws one of the actor's own questions, with its votes. */
  public QuestionId withdraw(Actor actor, QuestionId id) {
    return storage.inTransaction(
        tx -> {
          Question q = tx.questions().find(id).orElseThrow(() -> unknown(id));
          ListeningSession s = sessions.get(tx, q.session());
          if (s.state().isOver()) {
            throw CandorException.wrongState(
                s.id() + " is over; its questions can no longer be withdrawn.");
          }
          Pseudonym me = keys.pseudonym(tx, s.id(), actor);
          if (!q.isReleased() && !me.equals(q.author())) {
            // A waiting question must look exactly like one that does not exist.
            throw unknown(id);
          }
          if (!me.equals(q.author())) {
            throw CandorException.notAllowed(
                "You can only withdraw your own questions; " + id + " is not one of them.");
          }
          tx.votes().deleteQuestion(id);
          tx.questions().delete(id);
          if (q.isReleased()) {
            outbox.refreshBoard(tx, s);
          }
          return id;
        });
  }

  /** The board as the actor sees it privately. */
  public QuestionsView list(Actor actor, SessionId sessionId) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, sessionId);
          BoardView board = boards.board(tx, s, access.canModerate(actor, s));
          int k = s.settings().minAskers();
          boolean enough = boards.participation(tx, s).askers() >= k;
          Set<QuestionId> voted = Set.of();
          List<Question> mine = new ArrayList<>();
          List<Question> queue = new ArrayList<>();
          if (keys.exists(tx, s.id())) {
            Pseudonym me = keys.pseudonym(tx, s.id(), actor);
            voted = tx.votes().votedBy(s.id(), me);
            for (Question q : tx.questions().bySession(s.id())) {
              if (q.status() == QuestionStatus.PENDING && me.equals(q.author())) {
                mine.add(q);
              }
            }
          }
          if (access.canModerate(actor, s) && s.settings().premoderated() && enough) {
            for (Question q : tx.questions().bySession(s.id())) {
              if (q.status() == QuestionStatus.PENDING && !q.approved()) {
                queue.add(q);
              }
            }
            // Random ids make this order carry no information about when each was asked.
            queue.sort(Comparator.comparing(q -> q.id().code()));
          }
          String waiting =
              enough
                  ? ""
                  : "Questions appear once at least "
                      + k
                      + " people have asked, so that none can be traced to its asker.";
          return new QuestionsView(board, voted, mine, queue, waiting);
        });
  }

  /**
   * Up to {@link #SIMILAR_LIMIT} questions already on the board that resemble {@code text}, most
   * similar first, as participants see them: the asker may prefer to vote for one.
   */
  private List<BoardEntry> similar(Tx tx, ListeningSession s, QuestionId asked, String text) {
    List<BoardEntry> others =
        boards.board(tx, s).entries().stream().filter(e -> !e.id().equals(asked)).toList();
    if (others.isEmpty()) {
      return List.of();
    }
    SimilarIndex index = SimilarIndex.of(others.stream().map(BoardEntry::text).toList());
    return index.nearest(text, SIMILAR_LIMIT).stream().map(m -> others.get(m.index())).toList();
  }

  private void checkCooldown(ListeningSession s, Pseudonym me, Duration cooldown) {
    Instant last = lastAsked.get(cooldownKey(s.id(), me));
    if (last == null || cooldown.isZero()) {
      return;
    }
    Duration since = Duration.between(last, clock.instant());
    if (since.compareTo(cooldown) < 0) {
      long wait = Math.max(1, cooldown.minus(since).toSeconds());
      throw CandorException.limit(
          "Please wait "
              + wait
              + " s before asking again (one question per "
              + cooldown.toSeconds()
              + " s).");
    }
  }

  private static String cooldownKey(SessionId s, Pseudonym p) {
    return s + "|" + p.value();
  }

  private static Question insertWithFreshId(
      Tx tx, ListeningSession s, Pseudonym author, String text, boolean approved) {
    for (int i = 0; i < ID_ATTEMPTS; i++) {
      Question q =
          new Question(
              QuestionId.random(),
              s.id(),
              text,
              QuestionStatus.PENDING,
              author,
              approved,
              null,
              null,
              null,
              null,
              0,
              0);
      if (tx.questions().insert(q)) {
        return q;
      }
    }
    throw new IllegalStateException("no free question id after " + ID_ATTEMPTS + " attempts");
  }

  private static boolean isReleased(Tx tx, QuestionId id) {
    return tx.questions().find(id).map(Question::isReleased).orElse(false);
  }

  private static String note(Tx tx, ListeningSession s, boolean released) {
    SessionSettings rules = s.settings();
    if (released) {
      return "It is on the board now; colleagues can vote for it.";
    }
    if (rules.premoderated()) {
      return "A moderator reviews each question before it appears; yours is in the queue.";
    }
    if (tx.questions().distinctAskers(s.id()) < rules.minAskers()) {
      return "Questions appear once at least "
          + rules.minAskers()
          + " people have asked, so that none can be traced to you.";
    }
    return "It will appear with the next batch (every "
        + human(rules.releaseInterval())
        + "), in shuffled order, so its timing does not point to you.";
  }

  static String human(Duration d) {
    if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
      return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
    }
    return d.toSeconds() + " seconds";
  }

  /** The answer for an id with no question behind it, or one not yet released. */
  public static CandorException unknown(QuestionId id) {
    return CandorException.notFound("There is no question " + id + ". See: questions");
  }

  /**
   * The released question with this id. A question still waiting for release must look exactly like
   * one that does not exist, so both get the same answer.
   */
  public static Question released(Tx tx, QuestionId id) {
    return tx.questions().find(id).filter(Question::isReleased).orElseThrow(() -> unknown(id));
  }
}
