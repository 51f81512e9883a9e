package dev.candor.adapters.slack;

import static com.slack.api.bolt.middleware.MiddlewareOps.isNoAuthRequiredRequest;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * Gives each request the bot token of the one workspace Candor serves. Replaces Bolt's
 * SingleTeamAuthorization, which logs the requesting user's id when the token stops working: the
 * token is checked once at start instead ({@link SlackAdapter#verifyToken()}), and a revoked token
 * shows up as permanent delivery failures.
 */
final class BotToken implements Middleware {
  private final String token;

  BotToken(String token) {
    this.token = token;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface is declared with a raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (!isNoAuthRequiredRequest(req.getRequestType())) {
      req.getContext().setBotToken(token);
    }
    return chain.next(req);
  }
}
