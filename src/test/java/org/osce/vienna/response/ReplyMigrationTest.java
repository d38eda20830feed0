package org.osce.vienna.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading to every reply kept on its own (vm_reply, V7.3), on H2 and on PostgreSQL: each case's recorded reply
 * becomes its first reply, with its assessment question by question; a case without a reply gets none.
 */
class ReplyMigrationTest {

  @Test
  void onH2() {
    eachRecordedReplyBecomesTheCasesFirst(new DriverManagerDataSource(
        "jdbc:h2:mem:reply-migration;DB_CLOSE_DELAY=-1", "sa", ""));
  }

  @Test
  void onPostgres() {
    eachRecordedReplyBecomesTheCasesFirst(new DriverManagerDataSource(
        PostgresTestDatabase.newDatabase("reply_migration"), "postgres", ""));
  }

  private static void eachRecordedReplyBecomesTheCasesFirst(DriverManagerDataSource database) {
    flyway(database, "6").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.update("INSERT INTO vm_case (reference, subject, lead_delegation, addressee_state, status, started_at,"
        + " response_status, response_received_at, response_days_late, response_reference, response_summary,"
        + " response_substantive) VALUES ('VM-OLD-REPLIED', 'Old', 'GB', 'BY', 'FOLLOW_UP', CURRENT_TIMESTAMP,"
        + " 'LATE', TIMESTAMP WITH TIME ZONE '2021-11-20 10:00:00+00', 6, 'No. 1', 'Belarus rejects it.', FALSE)");
    jdbc.update("INSERT INTO vm_question_assessment (case_reference, question_number, assessment) VALUES"
        + " ('VM-OLD-REPLIED', 1, 'ANSWERED'), ('VM-OLD-REPLIED', 2, 'NOT_ANSWERED')");
    jdbc.update("INSERT INTO vm_case (reference, subject, lead_delegation, addressee_state, status, started_at,"
        + " response_status) VALUES ('VM-OLD-NONE', 'Old', 'GB', 'BY', 'FOLLOW_UP', CURRENT_TIMESTAMP, 'NONE')");

    flyway(database, "latest").migrate();

    List<Map<String, Object>> replies = jdbc.queryForList("SELECT * FROM vm_reply ORDER BY case_reference");
    assertThat(replies).singleElement().satisfies(r -> {
      assertThat(r.get("case_reference")).isEqualTo("VM-OLD-REPLIED");
      assertThat(((Number) r.get("seq")).intValue()).isEqualTo(1);
      assertThat(r.get("status")).isEqualTo("LATE");
      assertThat(((Number) r.get("days_late")).intValue()).isEqualTo(6);
      assertThat(r.get("reference")).isEqualTo("No. 1");
      assertThat(r.get("summary")).isEqualTo("Belarus rejects it.");
      assertThat(r.get("substantive")).isEqualTo(false);
    });
    assertThat(jdbc.queryForList("SELECT question_number, assessment FROM vm_reply_assessment WHERE reply_seq = 1"
        + " ORDER BY question_number")).extracting(r -> r.get("assessment"))
        .containsExactly("ANSWERED", "NOT_ANSWERED");
  }

  private static Flyway flyway(DriverManagerDataSource database, String target) {
    return Flyway.configure().dataSource(database).locations("classpath:db/migration")
        .table("vm_flyway_schema_history").target(target).load();
  }
}
