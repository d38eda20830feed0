package org.osce.vienna.support;

import java.util.Optional;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process test coverage for the classes of {@link ProcessTest}, which share one context: every class
 * must cover all of the models it measures (class coverage 1.0), each leaving out the keys its
 * {@link ProcessTest#notMeasured()} names.
 *
 * <p>The coverage library asks the context for its settings at the start of each test class
 * ({@code ProcessEngineCoverageTestExecutionListener}, the last of the listeners); as the context is
 * shared, the settings bean is made anew each time, for the class that starts ({@link CurrentTestClass}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

  // Primary: the library's own default settings bean is registered too, and where two are found it
  // silently falls back to defaults, which assert nothing.
  @Bean
  @Primary
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  ProcessEngineCoverageProperties coverageOfTheCurrentTestClass() {
    String[] notMeasured = Optional.ofNullable(CurrentTestClass.current)
        .map(type -> AnnotatedElementUtils.findMergedAnnotation(type, ProcessTest.class))
        .map(ProcessTest::notMeasured).orElse(new String[0]);
    return ProcessEngineCoverageProperties.Companion.builder()
        .excludeProcessDefinitionKeys(notMeasured)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  /** Notes which test class starts, before the coverage library's listener asks for its settings. */
  public static class CurrentTestClass implements TestExecutionListener, Ordered {

    static volatile Class<?> current;

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
      current = testContext.getTestClass();
    }
  }
}
