package dev.candor.adapters.slack.render;

/**
 * The action, callback and block ids Candor's Slack surfaces use, per feature. Renderers put them
 * into blocks; the handlers of each feature register on them. The manifest names the shortcuts.
 */
public final class Ids {
  private Ids() {}

  /** The slash command, as registered in the app manifest. */
  public static final String COMMAND = "/candor";

  /** The "Ask anonymously" modal. */
  public static final class Ask {
    private Ask() {}

    /** Global shortcut (manifest) opening the modal. */
    public static final String SHORTCUT = "candor_ask_shortcut";

    /** A button opening the modal; its value may name the session to preselect. */
    public static final String OPEN = "candor_ask_open";

    public static final String CALLBACK = "candor_ask";
    public static final String SESSION_BLOCK = "ask_session";
    public static final String SESSION_ACTION = "session";
    public static final String TEXT_BLOCK = "ask_text";
    public static final String TEXT_ACTION = "text";
  }

  /** The "Schedule a session" modal. */
  public static final class Schedule {
    private Schedule() {}

    public static final String SHORTCUT = "candor_schedule_shortcut";
    public static final String OPEN = "candor_schedule_open";
    public static final String CALLBACK = "candor_schedule";
    public static final String TITLE_BLOCK = "schedule_title";
    public static final String DATE_BLOCK = "schedule_date";
    public static final String TIME_BLOCK = "schedule_time";
    public static final String ZONE_BLOCK = "schedule_zone";
    public static final String DURATION_BLOCK = "schedule_duration";
    public static final String CHANNELS_BLOCK = "schedule_channels";
    public static final String MODERATORS_BLOCK = "schedule_moderators";
    public static final String REMINDERS_BLOCK = "schedule_reminders";
    public static final String K_BLOCK = "schedule_k";
    public static final String OPTIONS_BLOCK = "schedule_options";

    /** The action id of the single element in each input block of the modal. */
    public static final String VALUE = "value";
  }

  /** The live board and the buttons on it. */
  public static final class Board {
    private Board() {}

    /** Upvote button; value = question id, e.g. {@code q7kdm}. */
    public static final String UPVOTE = "candor_board_upvote";

    /** Remove-vote button; value = question id. */
    public static final String UNVOTE = "candor_board_unvote";

    /** Moderator overflow menu; each option's value is a {@code BoardAction} in JSON. */
    public static final String MODERATE = "candor_board_moderate";

    /** The "merge into…" modal a moderator opens from the overflow menu. */
    public static final String MERGE_CALLBACK = "candor_merge";

    public static final String MERGE_BLOCK = "merge_into";
    public static final String MERGE_ACTION = "into";
  }

  /** Buttons on the App Home. */
  public static final class Home {
    private Home() {}

    /** Sends the moderator summary of a session by DM; value = session id. */
    public static final String SUMMARY = "candor_home_summary";

    /** Approves a question waiting in the moderation queue; value = question id. */
    public static final String APPROVE = "candor_home_approve";
  }
}
