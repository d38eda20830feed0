package org.osce.vienna.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic with Camunda users for {@code /api/*}: the same users and passwords as Tasklist and
 * {@code /engine-rest} (whose own filter, and the webapps' session login, are left as they are).
 * The engine's brute-force protection applies: after a wrong password the user's next login is delayed.
 */
@Configuration
public class ApiAuthentication {

  static final String CALLER = ApiCaller.class.getName();
  /** Larger bodies are refused before they are read: the biggest real letter is some 30 kB. */
  static final long MAX_BODY_BYTES = 1_000_000;

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> caseApiAuthenticationFilter(IdentityService identityService,
      ObjectMapper objectMapper) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService, objectMapper));
    registration.setName("case-api-auth");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /** The caller of the current request; set by the filter before any handler runs. */
  static ApiCaller caller(HttpServletRequest request) {
    return (ApiCaller) request.getAttribute(CALLER);
  }

  static class BasicAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    BasicAuthenticationFilter(IdentityService identityService, ObjectMapper objectMapper) {
      this.identityService = identityService;
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
      if (credentials == null) {
        refuse(request, response, "HTTP Basic authentication with a Camunda user is required");
        return;
      }
      if (!identityService.checkPassword(credentials[0], credentials[1])) {
        refuse(request, response, "Unknown user or wrong password (after a wrong password, the next login is delayed)");
        return;
      }
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
            "The request body has " + request.getContentLengthLong() + " bytes; at most " + MAX_BODY_BYTES
                + " are accepted");
        return;
      }
      List<String> groups = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
          .map(Group::getId).toList();
      request.setAttribute(CALLER, new ApiCaller(credentials[0], groups));
      chain.doFilter(request, response);
    }

    private static String[] credentials(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vienna-mechanism\", charset=\"UTF-8\"");
      write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", detail);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
        String detail) throws IOException {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      problem.setTitle(title);
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    }
  }
}
