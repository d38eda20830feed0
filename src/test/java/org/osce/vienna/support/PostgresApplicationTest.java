package org.osce.vienna.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as production runs it (profile "postgres", the job executor running) on a real
 * PostgreSQL database, created empty when the context starts ({@link PostgresTestDatabase}); one context
 * for every test class that says only this (see {@link H2ApplicationTest} on what makes a context of its own).
 *
 * <p>The outbox is not sent on a schedule (a test sends it), mail goes to the test SMTP server
 * ({@link TestSmtp}). Each test method starts when the job executor has run every job that was due
 * ({@link TestContextEngine}), so what an earlier test set going does not land in the middle of another's
 * counts. The classes that share it use cases and references of their own and count only what they did.
 * The SQL statements sent are counted ({@link CountedStatements}), for the tests of what a read costs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "vienna.mail.dispatch.enabled=false",
    // Spring Boot's tests switch the metrics' export off; /actuator/prometheus is part of the application.
    "management.prometheus.metrics.export.enabled=true",
    "vienna.mail.tasklist-url=" + H2ApplicationTest.TASKLIST_URL})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = {PostgresTestDatabase.Settings.class, TestSmtp.Settings.class})
@Import(CountedStatements.class)
public @interface PostgresApplicationTest {
}
