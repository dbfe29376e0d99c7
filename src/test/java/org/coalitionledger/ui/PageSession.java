package org.coalitionledger.ui;

import org.coalitionledger.it.TestUsers.TestUser;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session for page tests: a cookie jar, the login form, and forms posted with their token. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();

    private PageSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static PageSession anonymous(int port) {
        return new PageSession("http://localhost:" + port);
    }

    /** Logs in through the login form, as a browser would. */
    public static PageSession of(TestUser user, int port) {
        PageSession session = anonymous(port);
        HttpResponse<String> login = session.post("/login", session.token("/login"),
                                                  Map.of("username", user.name(), "password", user.password()));
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed for " + user.name() + ": " + login.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    /** A GET with this session's cookie and the given Accept header, as a link or a script would send it. */
    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    /** A JSON POST with this session's cookie and nothing else: no Basic credentials, no CSRF token. */
    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Opens a Server-Sent Events stream on a socket of its own, with this session's cookie, so that a test can
     * close it as a browser closing its tab would. The answer's head has been read when this returns.
     */
    java.net.Socket stream(String path) throws IOException {
        URI uri = URI.create(base);
        java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort());
        String cookie = cookies.getCookieStore().getCookies().stream().map(Object::toString)
                .collect(Collectors.joining("; "));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                                               .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The CSRF token of the form on a page. */
    public String token(String path) {
        HttpResponse<String> page = get(path);
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + path + " (" + page.statusCode() + ")");
        }
        return matcher.group(1);
    }

    /** Posts a form; {@code token} may be null to leave the CSRF token out. */
    public HttpResponse<String> post(String path, String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token);
        }
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
