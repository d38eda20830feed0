package org.osce.vienna.registry;

import static org.osce.vienna.casefile.CaseRecords.ts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.RecentReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cases as operators watch them, one query each per scrape ({@link RecentReading}):
 * {@code vienna_cases_open{status}} (every status but CLOSED and WITHDRAWN, zeros included, so a panel never loses a
 * line), {@code vienna_replies_overdue} (delivered, its reply deadline passed, neither a reply nor "no
 * response received" registered) and {@code vienna_meetings_past_target} (a bilateral meeting of an open
 * case whose one-week target has passed without an outcome recorded). "Now" is the engine's clock.
 */
@Component
public class CaseMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;
  private final RecentReading<Map<CaseStatus, Long>> open;

  public CaseMetrics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.open = new RecentReading<>(this::openByStatus);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (CaseStatus status : CaseStatus.values()) {
      if (!status.isEnded()) {
        Gauge.builder("vienna.cases.open", () -> open.get().getOrDefault(status, 0L)).tag("status", status.name())
            .description("Cases not closed, by status").register(registry);
      }
    }
    RecentReading<Long> overdue = new RecentReading<>(this::repliesOverdue);
    Gauge.builder("vienna.replies.overdue", overdue::get).description(
        "Delivered cases whose reply deadline has passed with neither a reply nor 'no response' registered")
        .register(registry);
    RecentReading<Long> meetings = new RecentReading<>(this::meetingsPastTarget);
    Gauge.builder("vienna.meetings.past.target", meetings::get)
        .description("Bilateral meetings of open cases past their one-week target without an outcome")
        .register(registry);
  }

  private Map<CaseStatus, Long> openByStatus() {
    Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
    jdbc.query("SELECT status, COUNT(*) AS n FROM vm_case WHERE status NOT IN (?, ?) GROUP BY status", rs -> {
      counts.put(CaseStatus.valueOf(rs.getString("status")), rs.getLong("n"));
    }, CaseStatus.CLOSED.name(), CaseStatus.WITHDRAWN.name());
    return counts;
  }

  private long repliesOverdue() {
    return count("SELECT COUNT(*) FROM vm_case WHERE status NOT IN (?, ?) AND response_status = ?"
            + " AND response_due_at < ?",
        CaseStatus.CLOSED.name(), CaseStatus.WITHDRAWN.name(), ResponseStatus.PENDING.name(), ts(EngineClock.now()));
  }

  private long meetingsPastTarget() {
    return count("SELECT COUNT(*) FROM vm_meeting m JOIN vm_case c ON c.reference = m.case_reference"
        + " WHERE c.status NOT IN (?, ?) AND m.recorded_at IS NULL AND m.target_at < ?",
        CaseStatus.CLOSED.name(), CaseStatus.WITHDRAWN.name(), ts(EngineClock.now()));
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
