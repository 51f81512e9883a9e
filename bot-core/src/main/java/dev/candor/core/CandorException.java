package dev.candor.core;

/**
 * A domain failure with a message meant for the person who caused it. Adapters show {@link
 * #getMessage()} as one line; nothing else about the failure reaches a user.
 */
public class CandorException extends RuntimeException {
  private final Kind kind;

  /** What went wrong, so adapters and tests can tell failures apart without parsing text. */
  public enum Kind {
    INVALID_INPUT,
    NOT_FOUND,
    NOT_ALLOWED,
    LIMIT_REACHED,
    WRONG_STATE
  }

  public CandorException(Kind kind, String userMessage) {
    super(userMessage, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static CandorException invalid(String message) {
    return new CandorException(Kind.INVALID_INPUT, message);
  }

  public static CandorException notFound(String message) {
    return new CandorException(Kind.NOT_FOUND, message);
  }

  public static CandorException notAllowed(String message) {
    return new CandorException(Kind.NOT_ALLOWED, message);
  }

  public static CandorException limit(String message) {
    return new CandorException(Kind.LIMIT_REACHED, message);
  }

  public static CandorException wrongState(String message) {
    return new CandorException(Kind.WRONG_STATE, message);
  }
}
