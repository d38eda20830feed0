package org.osce.vienna.drafting;

import static org.osce.vienna.engine.ProcessConstants.*;

import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inputs of drafting, for the engine to hold each start and task to (InputContracts). */
@Configuration
class DraftingInputs {

  /** A case's start: {@code reference} is the business key, also sent as a variable by the start form. */
  static final InputContract START = InputContract.start(PROCESS_KEY, "the start of a case",
      Field.text(REFERENCE, 64), Field.text(LEAD_DELEGATION, 64), Field.text(ADDRESSEE_STATE, 64),
      Field.text(SUBJECT, 200), Field.json(LETTER), Field.textList(INVITED_DELEGATIONS), Field.dateTime(SIGN_OFF_DUE_AT));

  /** The draft form also edits the paragraphs and questions as lists of its own (DraftFormFields). */
  static final InputContract DRAFT = InputContract.task(TASK_DRAFT_LETTER, Field.json(LETTER),
      Field.textList(INVITED_DELEGATIONS), Field.dateTime(SIGN_OFF_DUE_AT), Field.json(DRAFT_INTRODUCTION),
      Field.json(DRAFT_QUESTIONS));

  static final InputContract REVIEW = InputContract.task(TASK_APPROVE_DRAFT, Field.bool(DRAFT_APPROVED),
      Field.text(REVIEW_COMMENTS, 10_000));

  @Bean
  InputContract startCase() {
    return START;
  }

  @Bean
  InputContract draftLetter() {
    return DRAFT;
  }

  @Bean
  InputContract approveDraft() {
    return REVIEW;
  }
}
