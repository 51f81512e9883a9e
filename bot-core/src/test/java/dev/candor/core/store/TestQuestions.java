package dev.candor.core.store;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.SessionId;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test-data builder for questions: {@code pendingQuestion(session).by("alice").build()}. */
public final class TestQuestions {
  private static final Set<QuestionId> ISSUED = ConcurrentHashMap.newKeySet();

  private TestQuestions() {}

  /** A pending, approved question by pseudonym "alice", with an id unique in this JVM. */
  public static Builder pendingQuestion(SessionId session) {
    return new Builder(session);
  }

  /** Question ids that never repeat within a test run (random ids could, rarely). */
  public static QuestionId nextId() {
    while (true) {
      QuestionId id = QuestionId.random();
      if (ISSUED.add(id)) {
        return id;
      }
    }
  }

  /** Builds a {@link Question}; every {@code with} method returns this builder. */
  public static final class Builder {
    private QuestionId id = nextId();
    private final SessionId session;
    private String text = "Why was the remote-work policy changed without consultation?";
    private QuestionStatus status = QuestionStatus.PENDING;
    private Pseudonym author = new Pseudonym("alice");
    private boolean approved = true;
    private String hiddenReason;
    private String answer;
    private QuestionId mergedInto;
    private Instant releasedAt;
    private long releaseSeq;
    private int archivedVotes;

    private Builder(SessionId session) {
      this.session = session;
    }

    public Builder withId(QuestionId id) {
      this.id = id;
      return this;
    }

    public Builder withText(String text) {
      this.text = text;
      return this;
    }

    public Builder by(String pseudonym) {
      this.author = new Pseudonym(pseudonym);
      return this;
    }

    public Builder withStatus(QuestionStatus status) {
      this.status = status;
      return this;
    }

    public Builder unapproved() {
      this.approved = false;
      return this;
    }

    /** Published in the batch at {@code at}, as number {@code seq}. */
    public Builder released(Instant at, long seq) {
      this.status = QuestionStatus.PUBLISHED;
      this.releasedAt = at;
      this.releaseSeq = seq;
      return this;
    }

    public Builder hidden(String reason) {
      this.status = QuestionStatus.HIDDEN;
      this.hiddenReason = reason;
      return this;
    }

    public Builder answered(String answer) {
      this.status = QuestionStatus.ANSWERED;
      this.answer = answer;
      return this;
    }

    public Builder mergedInto(QuestionId survivor) {
      this.status = QuestionStatus.MERGED;
      this.mergedInto = survivor;
      return this;
    }

    public Question build() {
      return new Question(
          id,
          session,
          text,
          status,
          author,
          approved,
          hiddenReason,
          answer,
          mergedInto,
          releasedAt,
          releaseSeq,
          archivedVotes);
    }
  }
}
