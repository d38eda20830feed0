package org.osce.vienna.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.osce.vienna.identity.BasicCredentials;
import org.osce.vienna.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic with Camunda users for {@code /api/*}: the same users and passwords as Tasklist and
 * {@code /engine-rest} (whose own filter, and the webapps' session login, are left as they are).
 * Guessing is slowed per source address by {@code identity.LoginThrottle}, the body size is limited by
 * {@code web.RequestBodyLimit}, both in front of this filter.
 */
@Configuration
public class ApiAuthentication {

  static final String CALLER = ApiCaller.class.getName();

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> caseApiAuthenticationFilter(IdentityService identityService) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService));
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

    BasicAuthenticationFilter(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Optional<BasicCredentials> credentials = BasicCredentials.from(request);
      if (credentials.isEmpty()) {
        refuse(request, response, "HTTP Basic authentication with a Camunda user is required");
        return;
      }
      String userId = credentials.get().userId();
      if (!identityService.checkPassword(userId, credentials.get().password())) {
        refuse(request, response, "Unknown user or wrong password");
        return;
      }
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList();
      request.setAttribute(CALLER, new ApiCaller(userId, groups));
      chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vienna-mechanism\", charset=\"UTF-8\"");
      Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", detail);
    }
  }
}
