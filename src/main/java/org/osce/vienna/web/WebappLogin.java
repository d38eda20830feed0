package org.osce.vienna.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * The user logged in to Tasklist, Cockpit or Admin in this request's HTTP session: Camunda's own
 * webapp login (one session for the three apps, one login per engine), read where the webapps keep it.
 * Only the user's id is taken from the session; who she is now (whether she still exists, her groups)
 * is for the caller to ask the engine.
 */
public final class WebappLogin {

  private WebappLogin() {
  }

  /** The id of the user logged in to the webapps for this engine, if the request's session has one. */
  public static Optional<String> userId(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication authentication;
    try {
      authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
    } catch (IllegalStateException invalidated) {
      // The session ended between finding and reading it (a logout in another tab).
      return Optional.empty();
    }
    return authentication == null ? Optional.empty() : Optional.ofNullable(authentication.getIdentityId());
  }

  /**
   * Whether the request carries its session's CSRF token, as the webapps send it: Camunda keeps the token in the
   * session and gives it to the page as the cookie XSRF-TOKEN, which only a page of this site can read and send back
   * as the header X-XSRF-TOKEN. (Names of Camunda's {@code CsrfConstants}, 7.24.)
   */
  public static boolean carriesItsCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected;
    try {
      expected = session == null ? null : session.getAttribute("CAMUNDA_CSRF_TOKEN");
    } catch (IllegalStateException invalidated) {
      return false;
    }
    String sent = request.getHeader("X-XSRF-TOKEN");
    return expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** GET and HEAD: what a link, a form's text or a Cockpit view asks for. Anything else changes something. */
  public static boolean isRead(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
