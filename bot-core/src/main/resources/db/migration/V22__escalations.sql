-- Questions whose votes reached the session's escalation threshold, so organizers are told once
-- and the summary can say so. Deliberately no time column: when the n-th vote arrived is a
-- participant's timing.
CREATE TABLE escalations (
  question_id VARCHAR(8) PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
  session_id  BIGINT NOT NULL,
  threshold   INTEGER NOT NULL
);
CREATE INDEX escalations_by_session ON escalations (session_id);
