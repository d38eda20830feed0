package org.osce.vienna.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.osce.vienna.web.BasicCredentials;
import org.osce.vienna.web.CredentialCheck;
import org.osce.vienna.web.Problems;
import org.osce.vienna.web.WebappLogin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls {@code /api/*}, in one of two ways. Systems: HTTP Basic with Camunda users, the same users
 * and passwords as Tasklist and {@code /engine-rest} (whose own filter is left as it is). People: the
 * login of Tasklist or Cockpit in the browser's session, which the forms' links (the final letter),
 * the letter as it will read and Cockpit's Cases view use; a session reads, and writes one thing: a document
 * attached from a Tasklist form ({@link #SESSION_WRITE}), with the session's CSRF token, so that no page of another
 * site can make a logged-in user's browser write. Any other change through the session is refused (403). Without either, 401 with the
 * Basic challenge. Guessing is slowed per source address by {@code identity.LoginThrottle}, the body
 * size is limited by {@code web.RequestBodyLimit}, both in front of this filter.
 */
@Configuration
public class ApiAuthentication {

  static final String CALLER = ApiCaller.class.getName();
  /** The one write of a webapp login: a document attached to a case from a Tasklist form. */
  static final Pattern SESSION_WRITE = Pattern.compile("/api/cases/[^/]+/documents");

  @Bean
  public FilterRegistrationBean<CaseApiAuthenticationFilter> caseApiAuthenticationFilter(ProcessEngine engine,
      CredentialCheck credentialCheck) {
    FilterRegistrationBean<CaseApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new CaseApiAuthenticationFilter(engine.getIdentityService(), credentialCheck, engine.getName()));
    registration.setName("case-api-auth");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  static boolean isSessionWrite(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && SESSION_WRITE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  /** The caller of the current request; set by the filter before any handler runs. */
  static ApiCaller caller(HttpServletRequest request) {
    return (ApiCaller) request.getAttribute(CALLER);
  }

  static class CaseApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final CredentialCheck credentialCheck;
    private final String engineName;

    CaseApiAuthenticationFilter(IdentityService identityService, CredentialCheck credentialCheck, String engineName) {
      this.identityService = identityService;
      this.credentialCheck = credentialCheck;
      this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Optional<BasicCredentials> credentials = BasicCredentials.from(request);
      if (credentials.isPresent()) {
        Optional<List<String>> groups = credentialCheck.groupsIfValid(credentials.get());
        if (groups.isEmpty()) {
          BasicCredentials.challenge(request, response, "Unknown user or wrong password");
          return;
        }
        request.setAttribute(CALLER, new ApiCaller(credentials.get().userId(), groups.get()));
        chain.doFilter(request, response);
        return;
      }
      // A request that names credentials of another kind, or malformed ones, is not taken for the session's user.
      Optional<String> sessionUser = request.getHeader(HttpHeaders.AUTHORIZATION) == null
          ? WebappLogin.userId(request, engineName) : Optional.empty();
      if (sessionUser.isEmpty()) {
        BasicCredentials.challenge(request, response, "HTTP Basic authentication with a Camunda user is required");
        return;
      }
      if (!WebappLogin.isRead(request) && !(isSessionWrite(request) && WebappLogin.carriesItsCsrfToken(request))) {
        Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Read only with a webapp login",
            "A Tasklist or Cockpit login only reads the case API, and attaches documents from a Tasklist form: act"
                + " in a Tasklist form, or, as a system, call with HTTP Basic"));
        return;
      }
      String userId = sessionUser.get();
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        BasicCredentials.challenge(request, response, "The user of this login no longer exists");
        return;
      }
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
          .toList();
      request.setAttribute(CALLER, new ApiCaller(userId, groups));
      chain.doFilter(request, response);
    }
  }
}
