-- Per-session rules added by issue 6, beside the session row rather than in it: how tallies are
-- shown to participants, the vote count at which organizers are told about a question, and the
-- presenter link. A session without a row has the defaults (live tallies, no escalation, no link).
-- No foreign key to sessions, for the reason given at the questions table in V1.
CREATE TABLE session_policies (
  session_id      BIGINT PRIMARY KEY,
  -- LIVE, HIDDEN_UNTIL_CLOSE or MODERATORS_ONLY
  tally_policy    VARCHAR(32) DEFAULT 'LIVE' NOT NULL,
  -- organizers are told when a question reaches this many votes; NULL: never
  escalate_at     INTEGER,
  -- 128 random bits, base64url: the read-only presenter page of the board; NULL: none issued
  presenter_token VARCHAR(64),
  CONSTRAINT session_policies_token UNIQUE (presenter_token)
);
