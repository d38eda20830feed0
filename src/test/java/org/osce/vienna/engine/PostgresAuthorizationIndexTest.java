package org.osce.vienna.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.QueryPlans.indexesOf;
import static org.osce.vienna.support.QueryPlans.numbered;
import static org.osce.vienna.support.QueryPlans.rowsReadFrom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.CountedStatements;
import org.osce.vienna.support.PostgresApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registry's grants, on PostgreSQL: a signed-in user's query finds the user's own grants by an index, reading a
 * few rows rather than those of every case and open task ({@link EngineIndexes}). Checked on the query Tasklist
 * sends first on each visit, the user's filters, planned with and without the index.
 */
@PostgresApplicationTest
class PostgresAuthorizationIndexTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GRANTS = 20_000;

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private DataSource dataSource;
  @Autowired
  private TransactionTemplate transactions;
  @Autowired
  private CountedStatements statements;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private FilterService filterService;

  @Test
  void theAuthorizationTableHasTheUsersIndexAfterEachStart() {
    Map<String, String> afterStart = indexesOf(jdbc, "act_ru_authorization");
    assertThat(afterStart.get(EngineIndexes.AUTHORIZATIONS_BY_USER)).endsWith("(user_id_)");

    // A second start finds it there and leaves it as it is.
    EngineIndexes.create(dataSource, "");
    assertThat(indexesOf(jdbc, "act_ru_authorization")).isEqualTo(afterStart);
  }

  @Test
  void aUsersFiltersAreFoundAmongTwentyThousandGrantsWithoutReadingThemAll() {
    String query = filterQueryOf("t-officer-de", "delegation-de");
    // The user, the group, the filters' resource type and READ (twice: a mask and its value), Tasklist's kind of
    // filter, and the page: every filter.
    String parameters = "'t-officer-de', 'delegation-de', 5, 2, 2, 'Task', 2147483647, 0";
    assertThat(query.chars().filter(c -> c == '?').count()).as("the parameters of %s", query).isEqualTo(8);
    long[] read = transactions.execute(status -> {
      // The grants of a registry: other delegations' on cases and tasks. All rolled back, statistics included.
      status.setRollbackOnly();
      jdbc.update("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
          + " SELECT CONCAT('test-grant-', n), 1, 1, CONCAT('delegation-', n % 56), 7, CONCAT('test-task-', n), 2"
          + " FROM generate_series(1, ?) AS n", GRANTS);
      jdbc.execute("ANALYZE act_ru_authorization");
      // Planned for any parameters, as the driver's prepared statement is once it has been sent a few times.
      jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      long withIndex = grantsRead(query, parameters);
      jdbc.execute("DROP INDEX " + EngineIndexes.AUTHORIZATIONS_BY_USER);
      return new long[] {withIndex, grantsRead(query, parameters)};
    });

    assertThat(read[0]).as("grants read to find the user's with the index, %d without", read[1])
        .isLessThan(100).isLessThan(read[1] / 10);
  }

  /** The rows of act_ru_authorization that the query's plan reads (returned, or read and dropped). */
  private long grantsRead(String query, String parameters) {
    jdbc.execute("PREPARE vm_filters AS " + numbered(query));
    try {
      String plan = jdbc.queryForObject("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE vm_filters(" + parameters + ")",
          String.class);
      return rowsReadFrom("act_ru_authorization", JSON.readTree(plan).get(0).get("Plan"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } finally {
      jdbc.execute("DEALLOCATE vm_filters");
    }
  }

  /** The query the engine sends for a user's filters, as it sends it. */
  private String filterQueryOf(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    statements.start();
    try {
      filterService.createTaskFilterQuery().list();
    } finally {
      statements.stop();
      identityService.clearAuthentication();
    }
    return statements.snapshot().stream().map(CountedStatements.Statement::sql)
        .filter(sql -> sql.contains("from ACT_RU_FILTER RES")).findFirst()
        .orElseThrow(() -> new AssertionError("No query of the filters among " + statements.snapshot()));
  }
}
