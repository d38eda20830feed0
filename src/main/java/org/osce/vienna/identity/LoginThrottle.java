package org.osce.vienna.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.osce.vienna.web.BasicCredentials;
import org.osce.vienna.web.EdgeFilters;
import org.osce.vienna.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Password guessing is slowed per source address, never by locking the account: a stranger who
 * guesses wrong passwords for a user locks out only himself, and a correct password always works
 * from any other address. (The engine's own lock and login delay are off, see
 * {@code camunda.bpm.generic-properties} in application.yaml: anybody could lock any diplomat out
 * with ten requests.)
 *
 * <p>One filter in front of every place a password is checked: HTTP Basic on the case API,
 * {@code /engine-rest} and the actuator, and the webapps' form login. Each failed login (401) spends
 * one token of its source's bucket ({@code max-failures} tokens, refilled evenly over
 * {@code refill-period}); a source with no token left gets 429 with {@code Retry-After}, and its
 * password is not checked. Failures that were in flight at once all count, so a parallel burst
 * buys no extra guesses, only a longer wait. Every failed login is one WARN line.
 */
@Configuration
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  /** The webapps' login form: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  static final String FORM_LOGIN_PREFIX = "/camunda/api/admin/auth/user/";
  /** Enough of the login form to find the user name in it. */
  private static final int FORM_BYTES_KEPT = 8 * 1024;

  @Bean
  FilterRegistrationBean<Filter> loginThrottleFilter(LoginThrottleSettings settings) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(settings));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", FORM_LOGIN_PREFIX + "*");
    registration.setOrder(EdgeFilters.LOGIN_THROTTLE_ORDER);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final LoginThrottleSettings settings;
    /** Only sources with failures; one is forgotten when its bucket would be full again. */
    private final Cache<String, Bucket> failures;

    Filter(LoginThrottleSettings settings) {
      this.settings = settings;
      this.failures = Caffeine.newBuilder()
          .maximumSize(settings.maxSources())
          .expireAfter(new UntilFull())
          .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean formLogin = isFormLogin(request);
      if (!formLogin && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
        chain.doFilter(request, response); // no password to check
        return;
      }
      String source = source(request.getRemoteAddr());
      Bucket bucket = failures.getIfPresent(source);
      if (bucket != null) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
          refuse(request, response, probe);
          return;
        }
      }
      HttpServletRequest passed = formLogin ? new ContentCachingRequestWrapper(request, FORM_BYTES_KEPT) : request;
      chain.doFilter(passed, response);
      if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
        Bucket spent = failures.asMap().compute(source, (key, existing) -> {
          Bucket b = existing != null ? existing : newBucket();
          b.consumeIgnoringRateLimits(1);
          return b;
        });
        // The bucket changed inside the same entry: keep the entry until this bucket is full again.
        failures.policy().expireVariably().ifPresent(expiry ->
            expiry.setExpiresAfter(source, untilFull(spent), TimeUnit.NANOSECONDS));
        LOG.warn("Failed login for user '{}' from {} ({} {})", printable(userTried(passed, formLogin)),
            request.getRemoteAddr(), request.getMethod(), request.getRequestURI());
      }
    }

    private Bucket newBucket() {
      return Bucket.builder().addLimit(Bandwidth.builder().capacity(settings.maxFailures())
          .refillGreedy(settings.maxFailures(), settings.refillPeriod()).build()).build();
    }

    private long untilFull(Bucket bucket) {
      long missing = Math.max(0, settings.maxFailures() - bucket.getAvailableTokens());
      return missing * (settings.refillPeriod().toNanos() / settings.maxFailures());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, EstimationProbe probe)
        throws IOException {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
          "Too many failed logins have come from your address. Try again in " + seconds
              + " seconds; until then no password sent from it is checked.");
    }

    /** Expires a source's entry when its bucket would be full again: then it holds nothing worth keeping. */
    private final class UntilFull implements Expiry<String, Bucket> {
      @Override
      public long expireAfterCreate(String key, Bucket bucket, long now) {
        return untilFull(bucket);
      }

      @Override
      public long expireAfterUpdate(String key, Bucket bucket, long now, long current) {
        return untilFull(bucket);
      }

      @Override
      public long expireAfterRead(String key, Bucket bucket, long now, long current) {
        return current;
      }
    }
  }

  static boolean isFormLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith(FORM_LOGIN_PREFIX) && path.contains("/login/");
  }

  /**
   * The address whose attempts are counted together: an IPv4 address, or an IPv6 address's /64 network,
   * which one host or household usually has whole.
   */
  static String source(String remoteAddress) {
    try {
      InetAddress address = InetAddress.getByName(remoteAddress); // a literal: no name lookup
      if (address instanceof Inet6Address) {
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        return InetAddress.getByAddress(network).getHostAddress() + "/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }

  private static String userTried(HttpServletRequest request, boolean formLogin) {
    if (!formLogin) {
      return BasicCredentials.from(request).map(BasicCredentials::userId).orElse("(no readable Basic credentials)");
    }
    if (request instanceof ContentCachingRequestWrapper cached) {
      String form = new String(cached.getContentAsByteArray(), StandardCharsets.ISO_8859_1);
      for (String field : form.split("&")) {
        if (field.startsWith("username=")) {
          try {
            return URLDecoder.decode(field.substring("username=".length()), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return field.substring("username=".length());
          }
        }
      }
    }
    return "(no user name in the form)";
  }

  /** A user id as typed by anyone: no line breaks or control characters into the log, and not too long. */
  static String printable(String userId) {
    String clean = userId.codePoints().map(c -> Character.isISOControl(c)
            || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
            ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}
