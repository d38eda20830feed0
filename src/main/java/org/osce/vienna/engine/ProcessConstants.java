package org.osce.vienna.engine;

/** The names the BPMN model and the contract use, spelled once, so Java never repeats a BPMN name by hand. */
public final class ProcessConstants {

  /** Process definition key (contract). */
  public static final String PROCESS_KEY = "vienna-mechanism";
  /** A head of delegation's request for a bilateral meeting, started from Tasklist. */
  public static final String MEETING_REQUEST_PROCESS_KEY = "request-bilateral-meeting";
  /** A head of the lead delegation withdraws an invocation, started from Tasklist. */
  public static final String WITHDRAWAL_PROCESS_KEY = "withdraw-invocation";
  /** An officer or head of the lead delegation registers a reply that came after the wait, from Tasklist. */
  public static final String REPLY_PROCESS_KEY = "register-reply";

  // Messages (contract)
  public static final String MESSAGE_RESPONSE_RECEIVED = "ResponseReceived";
  public static final String MESSAGE_BILATERAL_MEETING_REQUESTED = "BilateralMeetingRequested";
  /** Internal: the meeting asked for at follow-up tells the waiting follow-up that its outcome is recorded. */
  public static final String MESSAGE_FOLLOW_UP_MEETING_RECORDED = "FollowUpMeetingRecorded";
  // The application's own messages: sent by the case API and Tasklist's processes after their checks
  /** The lead withdrew the invocation (SubProcess_InvocationWithdrawn). */
  public static final String MESSAGE_INVOCATION_WITHDRAWN = "InvocationWithdrawn";
  /** A delegation joined late or withdrew its signature while the letter waited for signature (Event_SignatoriesChanged). */
  public static final String MESSAGE_SIGNATORIES_CHANGED = "SignatoriesChanged";
  /**
   * A reply that comes once the wait for the response is over (closed as "no response", or a reply already
   * registered): the case's own name for {@code ResponseReceived} then, which the application correlates
   * (never both names subscribed for one reply), starting "Reply after the wait".
   */
  public static final String MESSAGE_FURTHER_RESPONSE_RECEIVED = "FurtherResponseReceived";

  // User tasks (task definition keys, contract)
  public static final String TASK_DRAFT_LETTER = "Task_DraftLetter";
  public static final String TASK_APPROVE_DRAFT = "Task_ApproveDraft";
  public static final String TASK_DECIDE_CO_SIGNING = "Task_DecideCoSigning";
  public static final String TASK_SIGN_AND_DELIVER = "Task_SignAndDeliver";
  public static final String TASK_REGISTER_RESPONSE = "Task_RegisterResponse";
  public static final String TASK_ASSESS_RESPONSE = "Task_AssessResponse";
  /** The assessment of a reply after the wait; completed with the variables of Task_AssessResponse. */
  public static final String TASK_ASSESS_FURTHER_REPLY = "Task_AssessFurtherReply";
  public static final String TASK_ARRANGE_BILATERAL_MEETING = "Task_ArrangeBilateralMeeting";
  public static final String TASK_RECORD_MEETING_OUTCOME = "Task_RecordMeetingOutcome";
  public static final String TASK_DECIDE_FOLLOW_UP = "Task_DecideFollowUp";

  // Start variables (contract)
  public static final String REFERENCE = "reference";
  public static final String LEAD_DELEGATION = "leadDelegation";
  public static final String ADDRESSEE_STATE = "addresseeState";
  public static final String SUBJECT = "subject";

  // Drafting and sign-off (contract)
  public static final String LETTER = "letter";
  public static final String INVITED_DELEGATIONS = "invitedDelegations";
  public static final String SIGN_OFF_DUE_AT = "signOffDueAt";
  /** When the undecided delegations are reminded (the timer of Event_SignOffReminderDue). */
  public static final String SIGN_OFF_REMINDER_AT = "signOffReminderAt";
  public static final String DRAFT_APPROVED = "draftApproved";
  public static final String REVIEW_COMMENTS = "reviewComments";
  // The draft form's own lists of the letter's paragraphs and questions (drafting.DraftInput)
  public static final String DRAFT_INTRODUCTION = "draftIntroduction";
  public static final String DRAFT_QUESTIONS = "draftQuestions";
  public static final String INVITED_DELEGATION = "invitedDelegation";
  public static final String CO_SIGNS = "coSigns";
  public static final String CO_SIGN_COMMENT = "coSignComment";

  // Delivery and response (contract)
  public static final String DELIVERY_CHANNEL = "deliveryChannel";
  public static final String DELIVERED_AT = "deliveredAt";
  /** What the invoking States make public, at delivery or at follow-up (second edition: publicity is a decision). */
  public static final String ANNOUNCEMENTS = "announcements";
  public static final String PERMANENT_COUNCIL_DATE = "permanentCouncilDate";
  /** The Permanent Council's number for a statement made, recorded once it is known (at follow-up). */
  public static final String PERMANENT_COUNCIL_DOCUMENT = "permanentCouncilDocument";
  /** For the gateways after an announcement is decided: {@link #ANNOUNCEMENTS} holds it. */
  public static final String PARTICIPATING_STATES_TO_BE_INFORMED = "participatingStatesToBeInformed";
  public static final String COUNCIL_STATEMENT_TO_BE_RECORDED = "councilStatementToBeRecorded";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  /** When the lead is reminded that the reply is due today (the timer of Event_ResponseReminderDue). */
  public static final String RESPONSE_REMINDER_AT = "responseReminderAt";
  public static final String RESPONSE_RECEIVED = "responseReceived";
  public static final String RESPONSE_RECEIVED_AT = "responseReceivedAt";
  public static final String RESPONSE_REFERENCE = "responseReference";
  public static final String RESPONSE_SUMMARY = "responseSummary";
  public static final String RESPONSE_SUBSTANTIVE = "responseSubstantive";
  public static final String QUESTION_ASSESSMENTS = "questionAssessments";

  // Meetings and follow-up (contract)
  public static final String MEETING_REQUESTED_BY = "meetingRequestedBy";
  public static final String MEETING_REQUESTED_AT = "meetingRequestedAt";
  public static final String MEETING_SCHEDULED_FOR = "meetingScheduledFor";
  public static final String MEETING_HELD = "meetingHeld";
  public static final String MEETING_OUTCOME = "meetingOutcome";
  public static final String MEETING_PLACE = "meetingPlace";
  public static final String MOSCOW_SUPPORTERS = "moscowSupporters";
  public static final String FOLLOW_UP_ACTIONS = "followUpActions";

  // Coalition and withdrawal (contract: the case API's fields)
  /** The State that joins late or withdraws its signature (POST /api/cases/{reference}/co-signatories). */
  public static final String CO_SIGNATORY_STATE = "state";
  /** Why the invocation is withdrawn (POST /api/cases/{reference}/withdrawal, and the Tasklist form). */
  public static final String REASON = "reason";
  /** The withdrawal's reason and who withdrew, as InvocationWithdrawn carries them into the case. */
  public static final String WITHDRAWAL_REASON = "withdrawalReason";
  public static final String WITHDRAWN_BY = "withdrawnBy";

  // The application's own variables, for forms, timers and gateways
  /** "VM-2021-BY-01 (Belarus)": appended to task names so a task list says which case. */
  public static final String CASE_LABEL = "caseLabel";
  /** Who drafted the letter (claimed "Draft the letter"): a returned draft is assigned back to her (the BPMN). */
  public static final String DRAFTED_BY = "draftedBy";
  public static final String SIGNATORIES = "signatories";
  public static final String SIGNATORY_COUNT = "signatoryCount";
  public static final String SIGNATORIES_TEXT = "signatoriesText";
  /**
   * The co-signing form's list of who of the invited delegations has joined, declined or not yet decided
   * (contract name, as in {@code GET /api/cases/{reference}}); read when the form opens, never stored.
   */
  public static final String SIGN_OFF = "signOff";
  /** The co-signing form's draft letter as it will read now, {"html": …}; read when the form opens, never stored. */
  public static final String DRAFT_LETTER = "draftLetter";
  /** The sign-and-deliver form's declines, each with its comment; read when the form opens, never stored. */
  public static final String DECLINES = "declines";
  public static final String LETTER_URL = "letterUrl";
  /** The final letter's text for the sign-and-deliver form: {"html": "<div class=\"vm-letter\">…</div>"}. */
  public static final String FINAL_LETTER = "finalLetter";
  public static final String RESPONSE_STATUS = "responseStatus";
  public static final String RESPONSE_DAYS_LATE = "responseDaysLate";
  /** Which of the case's replies "Reply after the wait" is about (1 = the first), local to it. */
  public static final String REPLY_SEQ = "replySeq";
  public static final String FOLLOW_UP_INCLUDES_MEETING = "followUpIncludesMeeting";
  public static final String MEETING_ID = "meetingId";
  public static final String MEETING_TARGET_AT = "meetingTargetAt";
  /** The State whose delegation arranges and records a meeting: the requester on the invoking side, else the lead. */
  public static final String MEETING_DELEGATION = "meetingDelegation";
  /** Whether the meeting was asked for at follow-up, whose decision waits for its outcome. */
  public static final String MEETING_ASKED_AT_FOLLOW_UP = "meetingAskedAtFollowUp";
  /**
   * The meeting asked for at follow-up, as the heads read it when they decide again: {"held": true, "outcome": …,
   * "scheduledFor": "10 March 2027, 10:00 Vienna time (CET)", "place": …}.
   */
  public static final String FOLLOW_UP_MEETING = "followUpMeeting";
  /** The options of the forms' State selects, [{"label": "Albania", "value": "AL"}, ...] ({@link StateNames}). */
  public static final String PARTICIPATING_STATES = "participatingStates";
  /** A State's name as the forms' texts write it, {"AL": "Albania", ..., "GB": "the United Kingdom"}. */
  public static final String STATE_NAMES_IN_TEXT = "stateNamesInText";
  /**
   * The case's times as the forms show them, on each task: {"responseDueAt": "4 December 2026, 23:59 Vienna time
   * (CET)", ...}. Tasklist would show a Date variable in the browser's zone ({@link TaskLabelling}).
   */
  public static final String TIMES_IN_VIENNA = "timesInVienna";

  private ProcessConstants() {
  }
}
