package org.osce.vienna.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the process models that must cover every flow node and sequence flow of them
 * ({@code camunda-process-test-coverage}): one context for the classes that say this, on H2 in memory.
 *
 * <p>Not {@link H2ApplicationTest}'s context: the coverage is counted by listeners in the engine, which
 * must see no process that is not the measured class's (that context starts the demo case, and its other
 * tests run hundreds of cases). As there, the job executor is off (each test runs the jobs of its cases),
 * the outbox is not sent on a schedule, and mail goes to the test SMTP server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:vienna-processes;DB_CLOSE_DELAY=-1",
    "vienna.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    "vienna.mail.dispatch.enabled=false"})
@ContextConfiguration(initializers = TestSmtp.Settings.class)
@Import(ProcessCoverage.class)
public @interface ProcessTest {

  /** Keys of the process definitions this class does not measure (it drives them, others measure them). */
  String[] notMeasured() default {};
}
