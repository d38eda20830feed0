package org.osce.vienna.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** User id and password from an HTTP Basic {@code Authorization} header (RFC 7617, UTF-8). */
public record BasicCredentials(String userId, String password) {

  public static Optional<BasicCredentials> from(HttpServletRequest request) {
    return parse(request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  static Optional<BasicCredentials> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** 401 with the Basic challenge, so a client knows to send credentials. */
  public static void challenge(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vienna-mechanism\", charset=\"UTF-8\"");
    Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", detail);
  }

  /** The password stays out of logs and exceptions. */
  @Override
  public String toString() {
    return "BasicCredentials[" + userId + "]";
  }
}
