package org.osce.vienna.casefile;

/**
 * The kinds of entry in a case's timeline, in the order of the procedure. The name is what vm_timeline
 * stores and what the case API shows as {@code event}: a contract with its readers, never renamed.
 */
public enum TimelineEvent {

  /** The lead delegation invoked the mechanism: the case is registered (start of the process). */
  CASE_STARTED,
  /** The lead delegation's officer submitted the draft letter ("Draft the letter" completed). */
  DRAFT_SUBMITTED,
  /** The lead head of delegation returned the draft with comments ("Approve the draft"). */
  DRAFT_RETURNED,
  /** The lead head of delegation approved the draft ("Approve the draft"). */
  DRAFT_APPROVED,
  /** The sign-off round opened: the invited delegations are asked to co-sign. */
  SIGN_OFF_OPENED,
  /** The invited delegations that had not decided were reminded of the sign-off deadline. */
  SIGN_OFF_REMINDER_SENT,
  /** An invited delegation's head decided to co-sign ("Decide on co-signing"). */
  CO_SIGNING_JOINED,
  /** An invited delegation's head declined to co-sign ("Decide on co-signing"). */
  CO_SIGNING_DECLINED,
  /** The sign-off round closed (all decided, or its deadline passed): who signs, who declined, who did not decide. */
  SIGN_OFF_CLOSED,
  /** The final letter was composed on behalf of the signing delegations. */
  LETTER_COMPOSED,
  /** The lead head signed the letter and chose how it is delivered ("Sign and deliver the letter"). */
  LETTER_SIGNED,
  /** The letter reached the addressee (by hand, or accepted by the mail server): the reply clock starts. */
  LETTER_DELIVERED,
  /** Every participating State's delegation was told that the mechanism was invoked, with the letter (a decision). */
  PARTICIPATING_STATES_INFORMED,
  /** A statement at the Permanent Council was decided, with the date of the Council's meeting. */
  PERMANENT_COUNCIL_STATEMENT_ANNOUNCED,
  /** The document number the Permanent Council gave a statement of the case (e.g. PC.DEL/1034/21), once known. */
  PERMANENT_COUNCIL_DOCUMENT_RECORDED,
  /** The lead delegation was reminded, on the morning of the day, that the reply is due. */
  RESPONSE_REMINDER_SENT,
  /** The reply deadline passed without a response registered (the response is still accepted). */
  RESPONSE_DEADLINE_PASSED,
  /** A response was registered, by "Register the response" or by the {@code ResponseReceived} message. */
  RESPONSE_REGISTERED,
  /** "Register the response" was completed as "no response received": the wait is closed. */
  RESPONSE_WAIT_CLOSED,
  /** An officer or head of the lead delegation submitted a reply in Tasklist ({@code register-reply} started). */
  REPLY_SUBMITTED,
  /** The response was recorded, on time or with its days late (at the time it was received). */
  RESPONSE_RECEIVED,
  /** The case was recorded as unanswered and goes to follow-up. */
  NO_RESPONSE,
  /** The response was assessed question by question and as a whole ("Assess the response"). */
  RESPONSE_ASSESSED,
  /** A head of delegation asked for a bilateral meeting ({@code request-bilateral-meeting} started). */
  MEETING_REQUEST_SUBMITTED,
  /** A bilateral meeting request was recorded with its one-week target. */
  MEETING_REQUESTED,
  /** The one-week target of a requested meeting passed with no outcome recorded (the meeting can still be held). */
  MEETING_TARGET_PASSED,
  /** The bilateral meeting was given a date and place ("Arrange the bilateral meeting"). */
  MEETING_ARRANGED,
  /** The meeting was set for after its one-week target: flagged as it was scheduled. */
  MEETING_SET_AFTER_TARGET,
  /** The meeting took place, with its outcome ("Record the meeting outcome"). */
  MEETING_HELD,
  /** The meeting did not take place ("Record the meeting outcome"). */
  MEETING_NOT_HELD,
  /** The meeting's outcome was kept with the case. */
  MEETING_RECORDED,
  /** The lead heads decided on follow-up ("Decide on follow-up"): the actions, or none. */
  FOLLOW_UP_DECIDED,
  /** The outcome was recorded and notified: the case is closed. */
  CASE_CLOSED,
  /** The case was recorded afterwards as it happened (a past invocation); the entries before it carry its real dates. */
  CASE_RECORDED,
  /** A document was added to the case (POST /api/cases/{reference}/documents): its kind and name. */
  DOCUMENT_ADDED,
  /** A delegation joined as co-signatory after its decision or without an invitation (POST .../co-signatories). */
  CO_SIGNATORY_JOINED,
  /** A co-signatory withdrew its signature before the letter was signed (DELETE .../co-signatories/{state}). */
  CO_SIGNATURE_WITHDRAWN,
  /** The lead withdrew the invocation, with its reason: every open task and timer of the case ended. */
  INVOCATION_WITHDRAWN
}
