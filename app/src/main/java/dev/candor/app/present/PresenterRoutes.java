package dev.candor.app.present;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.Candor;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.summary.Presenter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The presenter board over HTTP: {@code GET /present/<token>} is a read-only page for projecting in
 * the room, which polls {@code GET /present/<token>/board.json} every two seconds. Both show what
 * participants see under the session's tally policy; an unknown token is an ordinary 404. The page
 * sets user text only as text (never as HTML) and runs under a Content-Security-Policy that allows
 * nothing but its own script, stylesheet and JSON.
 *
 * <p>Register on the app's HTTP server before it starts: {@code http.routes(new
 * PresenterRoutes(runtime.candor())::register)}.
 */
public final class PresenterRoutes {
  /** Allows this origin's script, style and fetches only; no inline code, no framing. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Presenter presenter;
  private final int shown;
  private final String page;
  private final String script;
  private final String style;

  public PresenterRoutes(Candor candor) {
    this(candor.presenter(), candor.settings().boardSize());
  }

  PresenterRoutes(Presenter presenter, int shown) {
    this.presenter = presenter;
    this.shown = shown;
    this.page = resource("index.html");
    this.script = resource("present.js");
    this.style = resource("present.css");
  }

  /** Adds the presenter routes to {@code app}. */
  public void register(Javalin app) {
    app.get("/present/static/present.js", ctx -> asset(ctx, "text/javascript", script));
    app.get("/present/static/present.css", ctx -> asset(ctx, "text/css", style));
    app.get("/present/{token}", this::page);
    app.get("/present/{token}/board.json", this::board);
  }

  private void page(Context ctx) {
    secure(ctx);
    if (presenter.board(ctx.pathParam("token")).isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
      return;
    }
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private void board(Context ctx) throws JsonProcessingException {
    secure(ctx);
    Optional<BoardView> board = presenter.board(ctx.pathParam("token"));
    if (board.isEmpty()) {
      ctx.status(404).contentType("application/json").result("{\"error\":\"not found\"}");
      return;
    }
    ctx.contentType("application/json; charset=utf-8")
        .result(JSON.writeValueAsString(json(board.get())));
  }

  /** The board as the page reads it; {@code votes} is null where the policy hides counts. */
  Map<String, Object> json(BoardView b) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("id", b.session().id().toString());
    session.put("title", b.session().title());
    session.put("state", b.session().state().label());
    List<Map<String, Object>> entries = new ArrayList<>();
    boolean hidden = false;
    for (BoardEntry e : b.top(Math.max(shown, 20))) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rank", e.rank());
      entry.put("id", e.id().toString());
      entry.put("text", e.text());
      entry.put("votes", e.votes() < 0 ? null : e.votes());
      entry.put("answered", e.status() == QuestionStatus.ANSWERED);
      entry.put("answer", e.answer());
      hidden |= e.votes() < 0;
      entries.add(entry);
    }
    Map<String, Object> participation = new LinkedHashMap<>();
    participation.put("askers", b.participation().askers().toString());
    participation.put("voters", b.participation().voters().toString());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("session", session);
    doc.put("countsHidden", hidden);
    doc.put("entries", entries);
    doc.put("participation", participation);
    doc.put("asOf", b.asOf().toString());
    return doc;
  }

  private static void asset(Context ctx, String type, String body) {
    secure(ctx);
    ctx.contentType(type + "; charset=utf-8").result(body);
  }

  private static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex, nofollow");
  }

  private static String resource(String name) {
    try (InputStream in = PresenterRoutes.class.getResourceAsStream("/present/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource present/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
