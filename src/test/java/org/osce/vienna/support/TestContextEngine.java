package org.osce.vienna.support;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * What lets test classes share cached application contexts, and several contexts live in one JVM
 * (registered for every Spring test in {@code META-INF/spring.factories}):
 *
 * <ul>
 *   <li>Camunda's REST API and webapps find "the default engine" in a static registry
 *   ({@link ProcessEngines}) that holds one engine per name for the whole JVM: the last context started
 *   wins, and a context that closes takes the name with it. Before each test class and method the
 *   engine of the test's own context is put there again, so {@code /engine-rest} reaches it.</li>
 *   <li>Where the job executor runs, a test method starts when every job that was due has been run:
 *   what an earlier test set going must not land in the middle of this one's counts.</li>
 *   <li>No test leaves the engine clock ({@link ClockUtil}, one for the JVM) moved.</li>
 * </ul>
 */
public class TestContextEngine implements TestExecutionListener, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(TestContextEngine.class);
  private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(60);

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 100;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    prepare(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    prepare(testContext);
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    ClockUtil.reset();
  }

  private static void prepare(TestContext testContext) {
    for (ProcessEngine engine : testContext.getApplicationContext().getBeansOfType(ProcessEngine.class).values()) {
      ProcessEngines.registerProcessEngine(engine);
      awaitDueJobsRun(engine);
    }
  }

  private static void awaitDueJobsRun(ProcessEngine engine) {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (jobExecutor == null || !jobExecutor.isActive()) {
      return;
    }
    long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
    while (engine.getManagementService().createJobQuery().executable().active().count() > 0) {
      if (System.nanoTime() > deadline) {
        LOG.warn("Jobs of engine {} still due after {}; the test starts anyway", engine.getName(), SETTLE_AT_MOST);
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
