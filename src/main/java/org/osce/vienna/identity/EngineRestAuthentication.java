package org.osce.vienna.identity;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.osce.vienna.web.BasicCredentials;
import org.osce.vienna.web.CredentialCheck;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} is open to anyone unless an authentication filter guards it: require HTTP
 * Basic with a Camunda user, so the engine's authorizations apply to every REST call.
 *
 * <p>The engine's own filter, with the credentials checked by {@link CredentialCheck}, as the case API's are: a
 * check that succeeded is remembered for {@link CredentialCheck#REMEMBERED} with the user's groups and tenants, so a
 * system's calls in a row do not each check the password and read the groups and tenants again (three transactions a
 * call).
 */
@Configuration
public class EngineRestAuthentication {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
      CredentialCheck credentialCheck) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new Filter(new CheckedCredentials(credentialCheck)));
    registration.setName("camunda-engine-rest-auth");
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** The engine's filter with an authentication provider given to it, rather than one it makes from a class name. */
  static final class Filter extends ProcessEngineAuthenticationFilter {

    Filter(AuthenticationProvider provider) {
      this.authenticationProvider = provider;
    }

    @Override
    public void init(FilterConfig filterConfig) {
      servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
    }

    /**
     * The engine a call addresses, found where the starter's provider finds it. The engine's own filter first looks
     * that provider up with a {@link java.util.ServiceLoader}, on every call: in the packaged jar that opens the
     * nested jar holding the provider's service file each time, a fifth of a millisecond of CPU a call.
     */
    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return ProcessEngines.getProcessEngine(engineName);
    }
  }

  /** HTTP Basic, checked by {@link CredentialCheck}; the challenge is the engine's own. */
  static final class CheckedCredentials implements AuthenticationProvider {

    private final CredentialCheck credentialCheck;
    private final HttpBasicAuthenticationProvider engines = new HttpBasicAuthenticationProvider();

    CheckedCredentials(CredentialCheck credentialCheck) {
      this.credentialCheck = credentialCheck;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      var credentials = BasicCredentials.from(request);
      if (credentials.isEmpty()) {
        return AuthenticationResult.unsuccessful();
      }
      String userId = credentials.get().userId();
      return credentialCheck.verify(credentials.get()).map(verified -> {
        AuthenticationResult result = AuthenticationResult.successful(userId);
        result.setGroups(verified.groups());
        result.setTenants(verified.tenants());
        return result;
      }).orElseGet(() -> AuthenticationResult.unsuccessful(userId));
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      engines.augmentResponseByAuthenticationChallenge(response, engine);
    }
  }
}
