package org.osce.vienna.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session with the Camunda webapps, as their pages keep it: the session cookie, and the
 * CSRF token the webapps hand out in a cookie and want back in {@code X-XSRF-TOKEN} on every change.
 * Logs in with the login form's own call.
 */
public final class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrfToken;

  public WebappSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Opens the app's page (tasklist, cockpit): a session, nobody logged in, and its CSRF token. */
  public WebappSession open(String app) {
    HttpResponse<String> page = send("GET", "/camunda/app/" + app + "/default/", null, false);
    assertThat(page.statusCode()).isEqualTo(200);
    readToken();
    return this;
  }

  /** Opens the app and logs {@code user} in to it. */
  public WebappSession login(String app, String user, String password) {
    open(app);
    HttpResponse<String> login = http(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("%s logs in to %s: %s", user, app, login.body()).isEqualTo(200);
    // The login opened a new session: its first read hands out the new token, as the app's next call does.
    send("GET", "/camunda/api/admin/auth/user/default", null, false);
    readToken();
    return this;
  }

  public void logout() {
    HttpResponse<String> logout = send("POST", "/camunda/api/admin/auth/user/default/logout", null, true);
    assertThat(logout.statusCode()).as(logout.body()).isIn(200, 204);
  }

  /** A request in this session; a JSON body when {@code json} is given; the CSRF token when asked for. */
  public HttpResponse<String> send(String method, String path, String json, boolean withCsrfToken, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    boolean typed = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (json != null && !typed) {
      request.header("Content-Type", "application/json");
    }
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return http(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<byte[]> bytes(String path) {
    return http(HttpRequest.newBuilder(URI.create(baseUrl + path)), HttpResponse.BodyHandlers.ofByteArray());
  }

  private void readToken() {
    csrfToken = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie")).getValue();
  }

  private <T> HttpResponse<T> http(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
