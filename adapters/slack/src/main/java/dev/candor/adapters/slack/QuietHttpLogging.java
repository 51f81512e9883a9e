package dev.candor.adapters.slack;

import com.slack.api.util.http.listener.HttpResponseListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each Web API call at DEBUG as its method and status only. It replaces the Slack SDK's
 * default listeners, which log whole request and response bodies at DEBUG: those would put user ids
 * and question text into the logs.
 */
final class QuietHttpLogging extends HttpResponseListener {
  private static final Logger log = LoggerFactory.getLogger(QuietHttpLogging.class);

  @Override
  public void accept(State state) {
    if (log.isDebugEnabled()) {
      String path = state.getResponse().request().url().encodedPath();
      String what =
          path.contains("/api/") ? path.substring(path.lastIndexOf('/') + 1) : "response_url";
      log.debug("slack {} -> HTTP {}", what, state.getResponse().code());
    }
  }
}
