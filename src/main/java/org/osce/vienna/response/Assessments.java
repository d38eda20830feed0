package org.osce.vienna.response;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The invoking side's assessment of the response, question by question (vm_question_assessment). */
@Repository
public class Assessments {

  private final JdbcTemplate jdbc;

  public Assessments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void save(String reference, Map<Integer, Assessment> byQuestion) {
    jdbc.update("DELETE FROM vm_question_assessment WHERE case_reference = ?", reference);
    byQuestion.forEach((question, assessment) -> jdbc.update(
        "INSERT INTO vm_question_assessment (case_reference, question_number, assessment) VALUES (?, ?, ?)",
        reference, question, assessment.name()));
  }

  public Map<Integer, Assessment> of(String reference) {
    Map<Integer, Assessment> result = new LinkedHashMap<>();
    jdbc.query("SELECT question_number, assessment FROM vm_question_assessment WHERE case_reference = ?"
            + " ORDER BY question_number",
        rs -> {
          result.put(rs.getInt(1), Assessment.valueOf(rs.getString(2)));
        }, reference);
    return result;
  }
}
