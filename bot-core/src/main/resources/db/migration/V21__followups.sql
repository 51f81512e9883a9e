-- What leadership committed to do about a question: who owns it and by when, and whether it is
-- done. Moderators record this (they are not anonymous); nothing here names a participant.
CREATE TABLE followups (
  question_id VARCHAR(8) PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
  session_id  BIGINT NOT NULL,
  owner       VARCHAR(200),
  due_on      DATE,
  done        BOOLEAN NOT NULL DEFAULT FALSE,
  -- when a moderator marked it done: a moderator's act, not a participant's
  closed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX followups_by_session ON followups (session_id, done);
