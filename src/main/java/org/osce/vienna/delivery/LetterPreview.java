package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.DRAFT_LETTER;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_CO_SIGNING;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.FormVariables;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * The letter as it will read, for the co-signing heads: before the final letter is composed, the
 * approved draft composed as the final letter would be now, on behalf of the lead and the delegations
 * that have joined so far, marked as a draft; once composed, the final letter itself. The co-signing form
 * shows the same draft, as the variable {@code draftLetter} ({"html": …}), read when the form opens.
 */
@Component
public class LetterPreview implements FormVariables {

  static final String NOTE = "Draft: the letter as it will read. It is sent on behalf of the lead delegation and"
      + " of every delegation that joins by the sign-off deadline; this copy names those that have joined so far."
      + " The final letter is composed when the sign-off round closes.";

  private final LetterComposer composer;
  private final Letters letters;
  private final Signatories signatories;
  private final RuntimeService runtimeService;
  private final ViennaProperties properties;

  public LetterPreview(LetterComposer composer, Letters letters, Signatories signatories, RuntimeService runtimeService,
      ViennaProperties properties) {
    this.composer = composer;
    this.letters = letters;
    this.signatories = signatories;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  /** The letter as HTML; empty while the draft is still being written (or the case ended before a letter). */
  public Optional<String> html(CaseRecord c) {
    Optional<Letters.FinalLetter> composed = letters.find(c.reference());
    if (composed.isPresent()) {
      return Optional.of(composed.get().html());
    }
    if (c.status() == CaseStatus.DRAFTING || c.processInstanceId() == null || runtimeService
        .createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() == 0) {
      return Optional.empty();
    }
    JsonNode draft = CaseVariables.json(runtimeService.getVariable(c.processInstanceId(), LETTER), LETTER);
    if (draft == null) {
      return Optional.empty();
    }
    return Optional.of(composer.draftHtml(LetterReader.read(draft.toString()), signingSoFar(c.reference(),
        c.leadDelegation()), today(), properties.responsePeriodDays(), NOTE));
  }

  /** The co-signing form's {@code draftLetter}: the approved draft (the task's {@code letter}) as it will read now. */
  @Override
  public Map<String, TypedValue> of(String taskDefinitionKey, String reference, VariableMap read) {
    if (!TASK_DECIDE_CO_SIGNING.equals(taskDefinitionKey)
        || !(read.getValueTyped(LETTER) instanceof SerializableValue letter)) {
      return Map.of();
    }
    // As Tasklist reads it: serialized, so that nothing is turned into an object.
    JsonNode draft = CaseVariables.json(letter.getValueSerialized(), LETTER);
    String html = composer.formHtml(LetterReader.read(draft.toString()),
        signingSoFar(reference, (String) read.get(LEAD_DELEGATION)), today(), properties.responsePeriodDays());
    return Map.of(DRAFT_LETTER, CaseVariables.jsonValue(Map.of("html", html)));
  }

  /** The lead and the delegations that have joined so far; the lead alone before the round opens. */
  private List<String> signingSoFar(String reference, String lead) {
    List<String> signing = signatories.signing(reference);
    return signing.isEmpty() ? List.of(lead) : signing;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(EngineClock.now(), properties.timeZone());
  }
}
