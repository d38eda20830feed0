package org.osce.vienna.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on H2 in memory, one context for every test class that says only this: Spring caches
 * a context by its settings, so a class that adds a setting, a bean, a {@code @MockitoSpyBean} or a
 * {@code @DynamicPropertySource} starts a context of its own (and must say why).
 *
 * <p>The demo (its users, password = user id, and its case VM-2021-BY-01), the job executor off (each
 * test runs the jobs of its own cases when it wants), the outbox not sent on a schedule (a test sends it),
 * mail to the test SMTP server ({@link TestSmtp}), {@code /actuator/prometheus} as in production. The
 * classes that share it use cases and references of their own, count only what they did, and leave the
 * engine clock as they found it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:vienna-shared;DB_CLOSE_DELAY=-1",
    "vienna.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "vienna.mail.dispatch.enabled=false",
    // Spring Boot's tests switch the metrics' export off; /actuator/prometheus is part of the application.
    "management.prometheus.metrics.export.enabled=true",
    "vienna.mail.tasklist-url=" + H2ApplicationTest.TASKLIST_URL})
@ContextConfiguration(initializers = TestSmtp.Settings.class)
public @interface H2ApplicationTest {

  /** Tasklist's address that invitations link to, in the tests. */
  String TASKLIST_URL = "https://vienna.example.org/camunda/app/tasklist/default/";
}
