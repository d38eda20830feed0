package org.osce.vienna.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** For the tests that plan a query as the engine sends it, on PostgreSQL ({@code EXPLAIN (ANALYZE, FORMAT JSON)}). */
public final class QueryPlans {

  private QueryPlans() {
  }

  /** JDBC's placeholders as PREPARE writes them: $1, $2, … */
  public static String numbered(String sql) {
    Matcher placeholder = Pattern.compile("\\?").matcher(sql);
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    while (placeholder.find()) {
      placeholder.appendReplacement(numbered, "\\$" + ++n);
    }
    return placeholder.appendTail(numbered).toString();
  }

  /** Rows that the plan's scans of {@code table} returned or read and dropped, over all their loops. */
  public static long rowsReadFrom(String table, JsonNode plan) {
    long read = 0;
    if (table.equalsIgnoreCase(plan.path("Relation Name").asText())) {
      long loops = Math.max(1, plan.path("Actual Loops").asLong(1));
      read += (plan.path("Actual Rows").asLong(0) + plan.path("Rows Removed by Filter").asLong(0)
          + plan.path("Rows Removed by Index Recheck").asLong(0)) * loops;
    }
    for (JsonNode child : plan.path("Plans")) {
      read += rowsReadFrom(table, child);
    }
    return read;
  }

  /** The indexes of {@code table} (lower case, as PostgreSQL names it), by name, with their definitions. */
  public static Map<String, String> indexesOf(JdbcTemplate jdbc, String table) {
    return jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ?",
            (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), table).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
