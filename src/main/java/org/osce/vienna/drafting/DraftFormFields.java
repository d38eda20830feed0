package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.DRAFT_INTRODUCTION;
import static org.osce.vienna.engine.ProcessConstants.DRAFT_QUESTIONS;

import org.osce.vienna.engine.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The draft form edits the letter's paragraphs and questions as lists of {@code {"text": …}}
 * (Camunda Forms' dynamic lists hold objects, not plain strings) and writes them back into
 * {@code letter} as strings. A case started with a letter gets these lists too, so the officer
 * finds every paragraph and question in the form.
 */
public final class DraftFormFields {

  private DraftFormFields() {
  }

  public static void prefill(VariableScope scope, Letter letter) {
    scope.setVariable(DRAFT_INTRODUCTION, CaseVariables.jsonValue(texts(letter.introduction())));
    scope.setVariable(DRAFT_QUESTIONS, CaseVariables.jsonValue(texts(letter.questions())));
  }

  private static List<Map<String, String>> texts(List<String> lines) {
    return lines == null ? List.of() : lines.stream().map(line -> Map.of("text", line)).toList();
  }
}
