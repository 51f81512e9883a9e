package dev.candor.adapters.teams;

/**
 * The keys and values of card data and dialog inputs: what a button or a dialog sends back to the
 * bot. State travels as these JSON fields, never packed into strings.
 */
final class CardIds {
  private CardIds() {}

  /** The key naming what a button or dialog does. */
  static final String ACTION = "action";

  static final String QUESTION = "question";
  static final String SESSION = "session";

  // Actions: buttons on the board and in replies, and the dialogs they open.
  static final String ASK = "ask";
  static final String SCHEDULE = "schedule";
  static final String VOTE = "vote";
  static final String UNVOTE = "unvote";
  static final String HIDE = "hide";
  static final String ANSWER = "answer";
  static final String MERGE = "merge";

  // Dialog inputs.
  static final String TEXT = "text";
  static final String INTO = "into";
  static final String TITLE = "title";
  static final String DATE = "date";
  static final String TIME = "time";
  static final String ZONE = "zone";
  static final String MINUTES = "minutes";
  static final String MODERATORS = "moderators";
  static final String MIN_ASKERS = "k";
}
