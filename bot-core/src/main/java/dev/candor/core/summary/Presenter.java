package dev.candor.core.summary;

import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Boards;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The presenter board: a read-only web page of a session's released questions, for projecting in
 * the room, reached through an unguessable link (128 random bits) that a moderator asks for. The
 * page shows what participants see, under the session's tally policy, and nothing else. The app
 * serves it; this class issues links and answers for them.
 */
public final class Presenter {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;
  private final SecureRandom random = new SecureRandom();
  private volatile String baseUrl = "";

  public Presenter(Storage storage, Sessions sessions, Boards boards) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
  }

  /**
   * Where the app is reached from the room, e.g. {@code https://candor.example.org}; links are
   * given relative to it. Without it, links are paths the moderator completes with the address.
   */
  public void useBaseUrl(String url) {
    String u = url == null ? "" : url.strip();
    this.baseUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** The path of a token's page. */
  public static String path(String token) {
    return "/present/" + token;
  }

  /**
   * The presenter link of a session, for its moderators; {@code renew} replaces the token, so an
   * earlier link (e.g. one that was shared too widely) stops working.
   */
  public String link(Actor actor, SessionId id, boolean renew) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "get its presenter link");
          Optional<String> existing = renew ? Optional.empty() : tx.policies().presenterToken(id);
          String token = existing.orElseGet(this::newToken);
          if (existing.isEmpty()) {
            tx.policies().savePresenterToken(id, token);
          }
          return baseUrl + path(token);
        });
  }

  /**
   * The board a token shows, as participants see it; empty for an unknown or malformed token and
   * for a cancelled session.
   */
  public Optional<BoardView> board(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return storage.inTransaction(
        tx ->
            tx.policies()
                .sessionByPresenterToken(token)
                .flatMap(tx.sessions()::find)
                .filter(s -> s.state() != SessionState.CANCELLED)
                .map(s -> boards.board(tx, s)));
  }

  private String newToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
