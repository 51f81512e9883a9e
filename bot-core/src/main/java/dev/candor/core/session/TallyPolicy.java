package dev.candor.core.session;

import dev.candor.core.CandorException;
import java.util.Locale;

/**
 * Who sees vote counts while a session runs. Moderators always see them in the summary and in their
 * own view of the board.
 */
public enum TallyPolicy {
  /** Everyone sees the counts (the default). */
  LIVE,
  /** Participants see the ranking but no counts until the session closes: less bandwagoning. */
  HIDDEN_UNTIL_CLOSE,
  /**
   * Participants see neither counts nor a ranking by votes (questions in release order), ever; only
   * moderators see counts.
   */
  MODERATORS_ONLY;

  /** As typed in commands: {@code live}, {@code hidden-until-close}, {@code moderators-only}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static TallyPolicy parse(String typed) {
    for (TallyPolicy p : values()) {
      if (p.label().equalsIgnoreCase(typed.strip())) {
        return p;
      }
    }
    throw CandorException.invalid(
        "'" + typed + "' is not a tally policy. Try: live, hidden-until-close or moderators-only");
  }

  /** Whether a participant sees counts in a session in {@code state}. */
  public boolean countsVisible(SessionState state) {
    return switch (this) {
      case LIVE -> true;
      case HIDDEN_UNTIL_CLOSE -> !state.takesQuestions() && state != SessionState.DRAFT;
      case MODERATORS_ONLY -> false;
    };
  }

  /** Whether a participant sees the board ranked by votes (otherwise in release order). */
  public boolean rankingVisible() {
    return this != MODERATORS_ONLY;
  }

  /** One line for people: what participants see. */
  public String describe() {
    return switch (this) {
      case LIVE -> "everyone sees vote counts";
      case HIDDEN_UNTIL_CLOSE -> "participants see the ranking, and counts only after closing";
      case MODERATORS_ONLY -> "only moderators see vote counts and the ranking";
    };
  }
}
