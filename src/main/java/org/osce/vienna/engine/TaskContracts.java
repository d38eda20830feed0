package org.osce.vienna.engine;

import static org.osce.vienna.engine.ProcessConstants.*;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.osce.vienna.casefile.FieldErrors;

/**
 * What each input of the procedure may carry (contract: procedure.md, "Tasks and the variables they
 * complete with"): a task is completed with exactly these variables, a case started with these, a
 * message correlated with these. Anything else would land on the whole case (a co-signer's task could
 * rewrite the lead's letter), so it is refused, naming it.
 */
public final class TaskContracts {

  /** The start data; {@code reference} is the business key, also sent as a variable by the start form. */
  public static final Set<String> START = Set.of(REFERENCE, LEAD_DELEGATION, ADDRESSEE_STATE, SUBJECT, LETTER,
      INVITED_DELEGATIONS, SIGN_OFF_DUE_AT);

  /** A head's request for a bilateral meeting from Tasklist (process {@code request-bilateral-meeting}). */
  public static final Set<String> MEETING_REQUEST_START = Set.of(REFERENCE, MEETING_REQUESTED_AT);

  private static final Map<String, Set<String>> TASKS = Map.of(
      // The draft form also edits the paragraphs and questions as lists of its own.
      TASK_DRAFT_LETTER, Set.of(LETTER, INVITED_DELEGATIONS, SIGN_OFF_DUE_AT,
          DRAFT_INTRODUCTION, DRAFT_QUESTIONS),
      TASK_APPROVE_DRAFT, Set.of(DRAFT_APPROVED, REVIEW_COMMENTS),
      TASK_DECIDE_CO_SIGNING, Set.of(CO_SIGNS, CO_SIGN_COMMENT),
      TASK_SIGN_AND_DELIVER, Set.of(DELIVERY_CHANNEL, DELIVERED_AT),
      TASK_REGISTER_RESPONSE, Set.of(RESPONSE_RECEIVED, RESPONSE_RECEIVED_AT, RESPONSE_REFERENCE, RESPONSE_SUMMARY),
      TASK_ASSESS_RESPONSE, Set.of(RESPONSE_SUBSTANTIVE, QUESTION_ASSESSMENTS),
      TASK_ARRANGE_BILATERAL_MEETING, Set.of(MEETING_SCHEDULED_FOR),
      TASK_RECORD_MEETING_OUTCOME, Set.of(MEETING_HELD, MEETING_OUTCOME),
      TASK_DECIDE_FOLLOW_UP, Set.of(FOLLOW_UP_ACTIONS));

  private static final Map<String, Set<String>> MESSAGES = Map.of(
      MESSAGE_RESPONSE_RECEIVED, Set.of(RESPONSE_RECEIVED_AT, RESPONSE_REFERENCE, RESPONSE_SUMMARY),
      MESSAGE_BILATERAL_MEETING_REQUESTED, Set.of(MEETING_REQUESTED_BY, MEETING_REQUESTED_AT));

  private TaskContracts() {
  }

  /** The variables a task takes; none for a task that is not one of the procedure's. */
  public static Set<String> ofTask(String taskDefinitionKey) {
    return taskDefinitionKey == null ? Set.of() : TASKS.getOrDefault(taskDefinitionKey, Set.of());
  }

  /** The variables a message of the contract carries; empty for any other message. */
  public static Set<String> ofMessage(String messageName) {
    return messageName == null ? Set.of() : MESSAGES.getOrDefault(messageName, Set.of());
  }

  public static boolean isContractMessage(String messageName) {
    return messageName != null && MESSAGES.containsKey(messageName);
  }

  /**
   * At a start event, the instance holds just the variables it was started with: refuses those the start
   * does not take, and values of Java object types (a start takes text, dates and Json).
   */
  public static void checkStartVariables(VariableScope execution, Set<String> contract, String input,
      String what) {
    FieldErrors errors = new FieldErrors();
    checkNames(contract, execution.getVariableNames(), input, errors);
    for (String name : execution.getVariableNames()) {
      TypedValue value = execution.getVariableTyped(name, false);
      if (value != null && isJavaObject(value)) {
        errors.add(name, "is of type " + value.getType().getName() + ", which no start takes: send text, a"
            + " boolean, a date or Json");
      }
    }
    errors.throwIfAny(what);
  }

  /** Values the contract never takes: Java objects (serialized or not), files and bytes. */
  static boolean isJavaObject(TypedValue value) {
    return value.getType() == ValueType.OBJECT || value.getType() == ValueType.FILE
        || value.getType() == ValueType.BYTES;
  }

  /** Adds an error for each name outside the contract, saying what the input takes instead. */
  public static void checkNames(Set<String> contract, Collection<String> names, String input, FieldErrors errors) {
    List<String> allowed = contract.stream().sorted().toList();
    for (String name : names) {
      if (!contract.contains(name)) {
        errors.add(name, allowed.isEmpty() ? "is not taken by " + input + ", which takes no variables"
            : "is not taken by " + input + ", which takes only " + String.join(", ", allowed));
      }
    }
  }
}
