package org.osce.vienna.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.osce.vienna.web.BasicCredentials;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        BasicCredentials.challenge(request, response, "HTTP Basic authentication with a Camunda user is required");
        return;
      }
      Optional<List<String>> groups = credentials.get().groupsIfValid(identityService);
      if (groups.isEmpty()) {
        BasicCredentials.challenge(request, response, "Unknown user or wrong password");
        return;
      }
      request.setAttribute(CALLER, new ApiCaller(credentials.get().userId(), groups.get()));
      chain.doFilter(request, response);
    }
  }
}
