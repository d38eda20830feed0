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
 * On PostgreSQL, indexes on the engine's tables for the engine's own queries that read whole tables without them
 * (docs/performance.md).
 *
 * <p>The job executor's: it acquires by priority (so that a due deadline is not queued behind notices), and its
 * query orders the due jobs by priority and skips those whose process instance has a job running. Without an index
 * for either, each acquisition sorts every due job and scans the whole table for the running ones: 15 ms an
 * acquisition with 10,000 due, on the one acquisition thread; with them, 0.1 ms. 10,000 deadlines falling due
 * together were recorded about a fifth faster.
 *
 * <p>The authorizations': every query of a signed-in user (Tasklist's filters, tasks and their count) reads the
 * user's grants as those of the user or of the user's groups. The engine indexes the groups' column, not the users',
 * so the database reads the whole table, which holds a grant per case and per open task: 5 ms a request with 11,000
 * cases, and a delegation's Tasklist requests took 5 to 8 ms less with the index.
 *
 * <p>Why here and not in a Flyway migration: the engine creates its tables itself ({@code schema-update}), after
 * Flyway has run on a new database; this runs once the engine is built, its tables there. Each start asks again
 * ({@code IF NOT EXISTS}, a catalog lookup), so a database the engine created anew or upgraded has them too. H2, the
 * first run's database, holds a handful of rows and needs none.
 */
@Component
@Order(0)
public class EngineIndexes extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** Walks the jobs in the order the acquisition takes them. */
  static final String BY_PRIORITY = "vm_job_acquisition_priority";
  /** Finds the jobs running in a process instance among the few locked ones. */
  static final String LOCKED_BY_PROCESS_INSTANCE = "vm_job_acquisition_locked";
  /** Finds a user's own grants (the engine's index on the groups' column finds the groups'). */
  static final String AUTHORIZATIONS_BY_USER = "vm_authorization_user";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if ("postgres".equals(configuration.getDatabaseType())) {
      create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  /** Creates the indexes that are missing on the tables of {@code tablePrefix}. */
  static void create(DataSource dataSource, String tablePrefix) {
    List<String> statements = List.of(
        "CREATE INDEX IF NOT EXISTS " + BY_PRIORITY + " ON " + tablePrefix + "ACT_RU_JOB (PRIORITY_ DESC)",
        "CREATE INDEX IF NOT EXISTS " + LOCKED_BY_PROCESS_INSTANCE + " ON " + tablePrefix + "ACT_RU_JOB"
            + " (PROCESS_INSTANCE_ID_) WHERE LOCK_OWNER_ IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS " + AUTHORIZATIONS_BY_USER + " ON " + tablePrefix + "ACT_RU_AUTHORIZATION (USER_ID_)");
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
      // The engine works without them, only slower with many rows: the application starts, and says so.
      LOG.warn("The indexes on the engine's tables could not all be created; many due jobs and a user's grants"
          + " will be found more slowly: {}", e.getMessage());
    }
  }
}
