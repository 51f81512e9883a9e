package dev.candor.app.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses request bodies over a limit per path with {@code 413} and one line of text, before any
 * handler sees them, so nothing of an oversized request is parsed or stored. A declared {@code
 * Content-Length} over the limit is refused without reading the body; a body without one (chunked)
 * is read up to one byte past the limit and refused there, so a client cannot make Candor buffer
 * more than the limit either way. Javalin's own limit looks at {@code Content-Length} only.
 */
final class BodyLimits implements Filter {
  private final long otherwise;
  private final Map<String, Long> limits = new ConcurrentHashMap<>();

  /** {@code otherwise}: the limit of every path not given one of its own. */
  BodyLimits(long otherwise) {
    this.otherwise = otherwise;
  }

  void limit(String path, long bytes) {
    limits.put(normalize(path), bytes);
  }

  long limitFor(String path) {
    return limits.getOrDefault(normalize(path), otherwise);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    long max = limitFor(req.getRequestURI());
    long declared = req.getContentLengthLong();
    if (declared > max) {
      refuse((HttpServletResponse) response, max);
      return;
    }
    if (declared >= 0) {
      // The server reads no more than a declared length.
      chain.doFilter(request, response);
      return;
    }
    byte[] body = req.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
    if (body.length > max) {
      refuse((HttpServletResponse) response, max);
      return;
    }
    chain.doFilter(new ReadBody(req, body), response);
  }

  private static void refuse(HttpServletResponse response, long max) throws IOException {
    byte[] line =
        ("Request body too large: the limit here is " + max + " bytes.\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(413);
    // Whatever the client still sends is not read: the connection ends with this answer.
    response.setHeader("Connection", "close");
    response.setContentType("text/plain; charset=utf-8");
    response.setContentLength(line.length);
    response.getOutputStream().write(line);
  }

  private static String normalize(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The request with its body already read, for the handlers to read again. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was read already");
        }
      };
    }
  }
}
