package dev.candor.core;

/**
 * Describes an unexpected failure for a log line without its messages: database and platform
 * exceptions quote statements, parameters and payloads, which can hold question text or a
 * pseudonym. The classes of the cause chain and the first Candor frame are enough to find it.
 */
public final class Failures {
  private Failures() {}

  /**
   * e.g. {@code UnableToExecuteStatementException <- JdbcSQLIntegrityConstraintViolationException
   * at dev.candor.core.store.jdbc.JdbcVoteRepo.add(JdbcVoteRepo.java:48)}.
   */
  public static String describe(Throwable failure) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement where = null;
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
      if (depth > 0) {
        sb.append(" <- ");
      }
      sb.append(t.getClass().getSimpleName());
      for (StackTraceElement e : t.getStackTrace()) {
        if (e.getClassName().startsWith("dev.candor.")) {
          where = e;
          break;
        }
      }
    }
    if (where != null) {
      sb.append(" at ").append(where);
    }
    return sb.toString();
  }
}
