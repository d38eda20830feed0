package org.osce.vienna.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, two indexes on the engine's job table that let the job executor find the next due jobs without
 * reading them all: 10,000 deadlines falling due together were recorded about a fifth faster with them
 * (docs/performance.md, "Deadlines on time").
 *
 * <p>Why they are needed: the job executor acquires by priority (so that a due deadline is not queued behind
 * notices), and its query orders the due jobs by priority and skips those whose process instance has a job running.
 * Without an index for either, each acquisition sorts every due job and scans the whole table for the running ones:
 * 15 ms an acquisition with 10,000 due, on the one acquisition thread. With them, 0.1 ms.
 *
 * <p>Why here and not in a Flyway migration: the engine creates its tables itself ({@code schema-update}), after
 * Flyway has run on a new database; this runs once the engine is built, its tables there. Each start asks again
 * ({@code IF NOT EXISTS}, a catalog lookup), so a database the engine created anew or upgraded has them too. H2, the
 * first run's database, holds a handful of jobs and needs neither.
 */
@Component
@Order(0)
public class JobAcquisitionIndexes extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndexes.class);

  /** Walks the jobs in the order the acquisition takes them. */
  static final String BY_PRIORITY = "vm_job_acquisition_priority";
  /** Finds the jobs running in a process instance among the few locked ones. */
  static final String LOCKED_BY_PROCESS_INSTANCE = "vm_job_acquisition_locked";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if ("postgres".equals(configuration.getDatabaseType())) {
      create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  /** Creates the indexes that are missing on {@code tablePrefix}ACT_RU_JOB. */
  static void create(DataSource dataSource, String tablePrefix) {
    String table = tablePrefix + "ACT_RU_JOB";
    List<String> statements = List.of(
        "CREATE INDEX IF NOT EXISTS " + BY_PRIORITY + " ON " + table + " (PRIORITY_ DESC)",
        "CREATE INDEX IF NOT EXISTS " + LOCKED_BY_PROCESS_INSTANCE + " ON " + table + " (PROCESS_INSTANCE_ID_)"
            + " WHERE LOCK_OWNER_ IS NOT NULL");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          // 23505/42P07: another instance, starting at the same moment, created it first.
          if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      // The jobs run without them, only slower when many are due: the application starts, and says so.
      LOG.warn("The job executor's indexes on {} could not be created; many due jobs will be found more slowly: {}",
          table, e.getMessage());
    }
  }
}
