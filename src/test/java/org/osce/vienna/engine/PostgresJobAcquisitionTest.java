package org.osce.vienna.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.QueryPlans.indexesOf;
import static org.osce.vienna.support.QueryPlans.numbered;
import static org.osce.vienna.support.QueryPlans.rowsReadFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.CountedStatements;
import org.osce.vienna.support.PostgresApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many deadlines due at once, on PostgreSQL: the job executor finds the next ones to run by reading those it takes,
 * not every due job ({@link EngineIndexes}).
 */
@PostgresApplicationTest
class PostgresJobAcquisitionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DUE = 10_000;
  private static final String NOW = "2026-11-30 09:00:00";

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private DataSource dataSource;
  @Autowired
  private TransactionTemplate transactions;
  @Autowired
  private CountedStatements statements;

  @Test
  void theJobTableHasTheIndexesAfterEachStart() {
    Map<String, String> afterStart = indexesOf(jdbc, "act_ru_job");
    assertThat(afterStart.get(EngineIndexes.BY_PRIORITY)).endsWith("(priority_ DESC)");
    assertThat(afterStart.get(EngineIndexes.LOCKED_BY_PROCESS_INSTANCE))
        .endsWith("(process_instance_id_) WHERE (lock_owner_ IS NOT NULL)");

    // A second start finds them there and leaves them as they are.
    EngineIndexes.create(dataSource, "");
    assertThat(indexesOf(jdbc, "act_ru_job")).isEqualTo(afterStart);
  }

  @Test
  void theNextDueJobsAreFoundAmongTenThousandWithoutReadingThemAll() throws Exception {
    String acquisition = acquisitionQuery();
    String plan = transactions.execute(status -> {
      // 10,000 due deadlines, each in its case, and 50 cases with a job running: all rolled back, statistics included.
      status.setRollbackOnly();
      insertJobs(DUE, null);
      insertJobs(50, "another-node");
      jdbc.execute("ANALYZE act_ru_job");
      // The plan the job executor runs: its driver prepares the statement once it has been sent a few times, and the
      // database then plans it for any parameters.
      jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      jdbc.execute("PREPARE vm_acquisition AS " + numbered(acquisition));
      try {
        return jdbc.queryForObject("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE vm_acquisition("
            + parameters(acquisition) + ")", String.class);
      } finally {
        jdbc.execute("DEALLOCATE vm_acquisition");
      }
    });

    JsonNode root = JSON.readTree(plan).get(0).get("Plan");
    assertThat(root.get("Actual Rows").asLong()).as("jobs acquired: %s", plan).isEqualTo(10);
    assertThat(rowsReadFrom("act_ru_job", root)).as("rows of the job table read to find them: %s", plan)
        .isLessThan(1_000);
  }

  /** The query the job executor sends for the next due jobs, as it sends it (its acquisition polls every few seconds). */
  private String acquisitionQuery() throws InterruptedException {
    statements.start();
    try {
      for (int i = 0; i < 100; i++) {
        Optional<String> query = statements.snapshot().stream().map(CountedStatements.Statement::sql)
            .filter(sql -> sql.contains("from ACT_RU_JOB RES") && sql.contains("LOCK_OWNER_ is null")).findFirst();
        if (query.isPresent()) {
          return query.get();
        }
        Thread.sleep(100);
      }
    } finally {
      statements.stop();
    }
    throw new AssertionError("The job executor sent no acquisition within 10 s");
  }

  /** {@code count} due deadlines, each in a case of its own; locked by {@code lockOwner} until later, if not null. */
  private void insertJobs(int count, String lockOwner) {
    jdbc.update("INSERT INTO act_ru_job (id_, rev_, type_, lock_owner_, lock_exp_time_, exclusive_, execution_id_,"
        + " process_instance_id_, retries_, duedate_, handler_type_, suspension_state_, priority_)"
        + " SELECT CONCAT(CAST(? AS varchar), n), 1, 'timer', CAST(? AS varchar), CAST(? AS timestamp), true,"
        + " CONCAT('test-execution-', n), CONCAT('test-case-', n), 3, CAST(? AS timestamp) - INTERVAL '1 hour',"
        + " 'timer-intermediate-transition', 1, 100 FROM generate_series(1, ?) AS n",
        lockOwner == null ? "test-due-" : "test-running-", lockOwner, lockOwner == null ? null : "2026-11-30 09:05:00",
        NOW, count);
  }

  /** The acquisition's parameters: "now" for each time in it, then the page (the first 10). */
  private static String parameters(String sql) {
    int count = (int) sql.chars().filter(c -> c == '?').count();
    List<String> values = new ArrayList<>(Collections.nCopies(count - 2, "'" + NOW + "'"));
    values.addAll(List.of("10", "0"));
    return String.join(", ", values);
  }
}
