package org.osce.vienna.response;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The invoking side's assessment of each reply, question by question (vm_reply_assessment); the first reply's
 * is also the case's (vm_question_assessment), as the case file and the registry read it.
 */
@Repository
public class Assessments {

  private final JdbcTemplate jdbc;

  public Assessments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The first reply's assessment. */
  public void save(String reference, Map<Integer, Assessment> byQuestion) {
    save(reference, 1, byQuestion);
  }

  /** The assessment of the case's reply number {@code seq} (1 for the first). */
  public void save(String reference, int seq, Map<Integer, Assessment> byQuestion) {
    jdbc.update("DELETE FROM vm_reply_assessment WHERE case_reference = ? AND reply_seq = ?", reference, seq);
    // A row per question, the questions together in one round trip.
    jdbc.batchUpdate("INSERT INTO vm_reply_assessment (case_reference, reply_seq, question_number, assessment)"
        + " VALUES (?, ?, ?, ?)", byQuestion.entrySet().stream()
        .map(each -> new Object[] {reference, seq, each.getKey(), each.getValue().name()}).toList());
    if (seq == 1) {
      jdbc.update("DELETE FROM vm_question_assessment WHERE case_reference = ?", reference);
      jdbc.batchUpdate("INSERT INTO vm_question_assessment (case_reference, question_number, assessment) VALUES (?, ?, ?)",
          byQuestion.entrySet().stream().map(each -> new Object[] {reference, each.getKey(), each.getValue().name()})
              .toList());
    }
  }

  /** The first reply's assessment. */
  public Map<Integer, Assessment> of(String reference) {
    return of(reference, 1);
  }

  public Map<Integer, Assessment> of(String reference, int seq) {
    Map<Integer, Assessment> result = new LinkedHashMap<>();
    jdbc.query("SELECT question_number, assessment FROM vm_reply_assessment WHERE case_reference = ?"
            + " AND reply_seq = ? ORDER BY question_number",
        rs -> {
          result.put(rs.getInt(1), Assessment.valueOf(rs.getString(2)));
        }, reference, seq);
    return result;
  }
}
