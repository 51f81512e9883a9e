package dev.candor.core.session;

/**
 * What the scheduler must hear about sessions: planned (create or replace every trigger of the
 * session) and unplanned (remove them). Implemented by the Quartz scheduler; a no-op in tests that
 * drive the lifecycle by hand.
 */
public interface SessionPlanner {
  void planned(ListeningSession session);

  void unplanned(SessionId session);

  SessionPlanner NONE =
      new SessionPlanner() {
        @Override
        public void planned(ListeningSession session) {}

        @Override
        public void unplanned(SessionId session) {}
      };
}
