package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.INVITED_DELEGATIONS;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.SIGN_OFF_DUE_AT;

import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.InvalidInputException;
import org.springframework.stereotype.Component;

/** Reads and checks the draft variables: {@code letter}, {@code invitedDelegations}, {@code signOffDueAt}. */
@Component
public class DraftChecks {

  /** A draft as checked: codes canonical, each once. */
  public record Draft(Letter letter, List<String> invited, Instant signOffDueAt) {
  }

  /** At the start: checks whichever of the draft variables were given. */
  public Draft checkOptional(VariableScope scope, StartData start, FieldErrors errors) {
    return read(scope, start.leadDelegation(), start.addresseeState(), errors, false);
  }

  /** On submitting the draft: everything must be there and right; throws naming each bad field. */
  public Draft checkComplete(VariableScope scope, String lead, String addressee) {
    FieldErrors errors = new FieldErrors();
    Draft draft = read(scope, lead, addressee, errors, true);
    errors.throwIfAny("The draft cannot be submitted");
    return draft;
  }

  private Draft read(VariableScope scope, String lead, String addressee, FieldErrors errors, boolean required) {
    Letter letter = null;
    try {
      JsonNode node = CaseVariables.json(scope, LETTER);
      if (node != null && !node.isNull()) {
        letter = LetterReader.read(node.toString());
        LetterValidator.validate(letter, addressee, errors);
      } else if (required) {
        errors.add(LETTER, "is required");
      }
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }

    List<String> invited = new ArrayList<>();
    try {
      invited = Invitations.check(CaseVariables.strings(scope, INVITED_DELEGATIONS), lead, addressee, errors);
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }

    Instant dueAt = null;
    try {
      dueAt = DateTimes.parse(scope.getVariable(SIGN_OFF_DUE_AT), SIGN_OFF_DUE_AT);
      if (required && invited.isEmpty()) {
        // Nobody to wait for: the round closes at once (the model's sign-off timer needs a time).
        dueAt = EngineClock.now();
      } else if (dueAt == null && required) {
        errors.add(SIGN_OFF_DUE_AT, "is required when delegations are invited to co-sign");
      } else if (dueAt != null && !dueAt.isAfter(EngineClock.now())) {
        errors.add(SIGN_OFF_DUE_AT, "must be in the future");
      }
    } catch (InvalidInputException e) {
      errors.addAll(e);
    }
    return new Draft(letter, invited, dueAt);
  }
}
