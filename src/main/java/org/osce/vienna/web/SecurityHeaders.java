package org.osce.vienna.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser protections on every answer outside the Camunda webapps (which send their own, set by
 * {@code camunda.bpm.webapp.header-security}): no MIME sniffing, no referrer, no framing. The case
 * API's answers (JSON, problems, the letter as HTML) also forbid every resource but inline styles,
 * which the letter's template uses; Swagger UI and the other pages keep their scripts.
 */
public class SecurityHeaders extends OncePerRequestFilter {

  public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
  /** The case API: nothing is loaded, run, framed or submitted; the letter's {@code <style>} applies. */
  public static final String API_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  /** Pages with scripts of their own (Swagger UI, error pages): only framing is forbidden. */
  public static final String PAGE_POLICY = "frame-ancestors 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.equals("/camunda") && !path.startsWith("/camunda/")) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader(CONTENT_SECURITY_POLICY, path.startsWith("/api/") ? API_POLICY : PAGE_POLICY);
    }
    chain.doFilter(request, response);
  }

  /**
   * For a PDF: browsers show it in their own viewer, which runs under the document's policy, and
   * Chrome shows nothing under {@code default-src 'none'}. Framing stays forbidden.
   */
  public static void allowBrowserViewer(HttpServletResponse response) {
    response.setHeader(CONTENT_SECURITY_POLICY, PAGE_POLICY);
  }
}
