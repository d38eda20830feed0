package org.osce.vienna.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every request passes before the case API, {@code /engine-rest}, the webapps' REST API or the
 * actuator reads it, in this order: security headers, the body limit, the answer to a database
 * outage, the login throttle ({@code identity.LoginThrottle}), then each address's authentication.
 * The orders put them ahead of Spring's and Camunda's own filters, so that whatever those do is
 * inside them.
 */
@Configuration
public class EdgeFilters {

  public static final int SECURITY_HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
  public static final int DATABASE_OUTAGE_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;
  public static final int LOGIN_THROTTLE_ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

  /** Where requests carry bodies into the application: the case API, the engine's REST API, the webapps' REST API. */
  static final String[] BODY_ADDRESSES = {"/api/*", "/engine-rest/*", "/camunda/api/*"};

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(SECURITY_HEADERS_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimitFilter(RequestBodySettings settings) {
    FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(settings));
    registration.setName("request-body-limit");
    registration.addUrlPatterns(BODY_ADDRESSES);
    registration.setOrder(BODY_LIMIT_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DatabaseOutage> databaseOutageFilter() {
    FilterRegistrationBean<DatabaseOutage> registration = new FilterRegistrationBean<>(new DatabaseOutage());
    registration.setName("database-outage");
    registration.addUrlPatterns(BODY_ADDRESSES);
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(DATABASE_OUTAGE_ORDER);
    return registration;
  }
}
