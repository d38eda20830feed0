package org.osce.vienna.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.web.BasicCredentials;
import org.osce.vienna.web.CredentialCheck;
import org.osce.vienna.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The actuator with Camunda users, without Spring Security: anybody may ask {@code /actuator/health}
 * and learns UP or DOWN, nothing more (load balancers, {@code .ci/run}); everything else under
 * {@code /actuator} (the index, the components, {@code /actuator/health/outbox} with the mail server
 * and its last error) needs HTTP Basic as a manager or administrator. A user's groups are her roles,
 * so Spring Boot's {@code show-details: when-authorized} with {@code roles: managers, camunda-admin}
 * decides what the health answer shows.
 */
@Configuration
public class ActuatorAuthentication {

  static final List<String> OPERATOR_GROUPS = List.of(Groups.MANAGERS, Groups.ADMINS);
  static final String PUBLIC_HEALTH = "/actuator/health";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<Filter> actuatorAuthenticationFilter(CredentialCheck credentialCheck) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(credentialCheck));
    registration.setName("actuator-auth");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final CredentialCheck credentialCheck;

    Filter(CredentialCheck credentialCheck) {
      this.credentialCheck = credentialCheck;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean statusOnly = path.equals(PUBLIC_HEALTH);
      var credentials = BasicCredentials.from(request);
      if (credentials.isEmpty()) {
        if (statusOnly) {
          statusOnly(request, response, chain);
        } else {
          BasicCredentials.challenge(request, response, "Only managers and administrators read this, with HTTP Basic; anybody may ask "
              + PUBLIC_HEALTH + " for the status alone");
        }
        return;
      }
      String userId = credentials.get().userId();
      List<String> groups = credentialCheck.groupsIfValid(credentials.get()).orElse(null);
      if (groups == null) {
        BasicCredentials.challenge(request, response, "Unknown user or wrong password");
        return;
      }
      boolean operator = groups.stream().anyMatch(OPERATOR_GROUPS::contains);
      if (!operator && !statusOnly) {
        Problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
            "Only managers and administrators read " + path + ", and " + userId + " is neither");
        return;
      }
      HttpServletRequest authenticated = new Authenticated(request, userId, groups);
      if (operator) {
        chain.doFilter(authenticated, response);
      } else {
        statusOnly(authenticated, response, chain);
      }
    }

    /**
     * The health answer cut down to its status, whatever Spring Boot would add for a caller without a
     * role (the names of the health groups, for one).
     */
    private void statusOnly(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper health = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, health);
      byte[] body = health.getContentAsByteArray();
      String status;
      try {
        status = JSON.readTree(body).path("status").asText("UNKNOWN");
      } catch (IOException notJson) {
        status = "UNKNOWN";
      }
      health.resetBuffer();
      byte[] statusOnly = JSON.writeValueAsBytes(Map.of("status", status));
      health.getOutputStream().write(statusOnly);
      health.copyBodyToResponse();
    }

  }

  /** The request as the actuator sees it: the user as principal, her groups as roles. */
  static final class Authenticated extends HttpServletRequestWrapper {

    private final String userId;
    private final List<String> groups;

    Authenticated(HttpServletRequest request, String userId, List<String> groups) {
      super(request);
      this.userId = userId;
      this.groups = groups;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> userId;
    }

    @Override
    public String getRemoteUser() {
      return userId;
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }

    @Override
    public boolean isUserInRole(String role) {
      return groups.contains(role);
    }
  }
}
