package dev.candor.app.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Microsoft Entra ID's token service ({@code login.microsoftonline.com}) on loopback, for the Teams
 * bot's own outbound token. The app builds its Bot Framework credentials from {@code
 * MICROSOFT_APP_ID} and {@code MICROSOFT_APP_PASSWORD} with no way to point them elsewhere, and
 * MSAL calls that fixed host over HTTPS. So, while installed, this fake takes that host's traffic
 * JVM-wide: the default {@link ProxySelector} sends it through a CONNECT tunnel here, and the
 * default {@link HttpsURLConnection} socket factory trusts a certificate for the host made by
 * {@code keytool} for this run. Every other host goes where it went before; {@link #close} puts
 * both defaults back.
 *
 * <p>It answers MSAL's instance discovery and the client-credentials token request, recording the
 * token requests ({@link #tokenRequests}); each token it issues is {@code entra-token-<n>}.
 */
final class FakeEntra implements AutoCloseable {
  static final String HOST = "login.microsoftonline.com";
  private static final String PASSWORD = "fake-entra";

  /** A token request as received: its path (the tenant) and its form fields. */
  record TokenRequest(String path, Map<String, String> form) {}

  private final HttpsServer server;
  private final ServerSocket tunnel;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<TokenRequest> tokenRequests = new ArrayList<>();
  private final List<String> otherRequests = new ArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final ProxySelector previousProxies;
  private final SSLSocketFactory previousSockets;

  private FakeEntra(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
    KeyStore keys = certificate(dir);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD.toCharArray());
    serverTls.init(km.getKeyManagers(), null, null);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("entra", keys.getCertificate("entra"));
    TrustManagerFactory tm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(trusted);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tm.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
    tunnel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptTunnels);

    previousProxies = ProxySelector.getDefault();
    previousSockets = HttpsURLConnection.getDefaultSSLSocketFactory();
    ProxySelector.setDefault(new ToEntra(previousProxies, tunnel.getLocalSocketAddress()));
    HttpsURLConnection.setDefaultSSLSocketFactory(clientTls.getSocketFactory());
  }

  /**
   * Starts the fake and routes {@link #HOST} to it; its certificate is written into {@code dir}.
   */
  static FakeEntra install(Path dir) throws Exception {
    return new FakeEntra(dir);
  }

  synchronized List<TokenRequest> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  /** Requests that were neither instance discovery nor a token request. */
  synchronized List<String> otherRequests() {
    return List.copyOf(otherRequests);
  }

  @Override
  public void close() {
    ProxySelector.setDefault(previousProxies);
    HttpsURLConnection.setDefaultSSLSocketFactory(previousSockets);
    server.stop(0);
    try {
      tunnel.close();
    } catch (IOException e) {
      // closing anyway
    }
    threads.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String answer;
      int status = 200;
      if (path.endsWith("/discovery/instance")) {
        answer =
            "{\"tenant_discovery_endpoint\":\"https://"
                + HOST
                + "/common/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\","
                + "\"metadata\":[{\"preferred_network\":\""
                + HOST
                + "\",\"preferred_cache\":\""
                + HOST
                + "\",\"aliases\":[\""
                + HOST
                + "\"]}]}";
      } else if (ex.getRequestMethod().equals("POST") && path.endsWith("/oauth2/v2.0/token")) {
        synchronized (this) {
          tokenRequests.add(new TokenRequest(path, form(body)));
        }
        answer =
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"entra-token-"
                + tokens.incrementAndGet()
                + "\"}";
      } else {
        synchronized (this) {
          otherRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
        }
        status = 404;
        answer = "{\"error\":\"not_found\"}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.getResponseHeaders().set("Connection", "close");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** A CONNECT proxy that tunnels every connection, whatever host it names, to the HTTPS fake. */
  private void acceptTunnels() {
    while (!tunnel.isClosed()) {
      try {
        Socket client = tunnel.accept();
        threads.execute(() -> tunnelOne(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnelOne(Socket client) {
    try (client;
        Socket upstream =
            new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
      InputStream in = client.getInputStream();
      // The CONNECT request's head, up to the blank line.
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      OutputStream out = client.getOutputStream();
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      threads.execute(() -> pipe(upstream, client));
      pipe(client, upstream);
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  private static KeyStore certificate(Path dir)
      throws IOException, GeneralSecurityException, InterruptedException {
    Path file = Files.createTempFile(dir, "entra", ".p12");
    Files.delete(file);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "entra",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=" + HOST,
                "-ext",
                "SAN=dns:" + HOST,
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-noprompt")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    return keys;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Sends {@link #HOST} through the tunnel; everything else as before. */
  private static final class ToEntra extends ProxySelector {
    private final ProxySelector previous;
    private final Proxy proxy;

    ToEntra(ProxySelector previous, SocketAddress tunnel) {
      this.previous = previous;
      this.proxy = new Proxy(Proxy.Type.HTTP, tunnel);
    }

    @Override
    public List<Proxy> select(URI uri) {
      if (HOST.equalsIgnoreCase(uri.getHost())) {
        return List.of(proxy);
      }
      return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      if (previous != null && !HOST.equalsIgnoreCase(uri.getHost())) {
        previous.connectFailed(uri, address, e);
      }
    }
  }
}
