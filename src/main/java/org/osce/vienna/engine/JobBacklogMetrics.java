package org.osce.vienna.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code vienna_jobs_due}: the job executor's backlog, the jobs it could run now and has not taken
 * (due, not locked by an executor, retries left, not suspended). It grows when the executor is stopped or
 * cannot keep up; a job out of retries is an incident instead (Cockpit). One query of the engine's job
 * table per scrape, the condition the engine's own job acquisition uses: its query API cannot leave out
 * the jobs being run.
 */
@Component
public class JobBacklogMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;

  public JobBacklogMetrics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("vienna.jobs.due", this::due)
        .description("Jobs due now that no job executor has taken (retries left, not suspended)")
        .register(registry);
  }

  /** The engine writes its dates as JDBC timestamps in the JVM's zone: compared with one made the same way. */
  long due() {
    Timestamp now = Timestamp.from(EngineClock.now());
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
        + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < ?)",
        Long.class, now, now);
    return count == null ? 0 : count;
  }
}
