package org.osce.vienna.registry;

import static org.osce.vienna.engine.ProcessConstants.ADDRESSEE_STATE;
import static org.osce.vienna.engine.ProcessConstants.CASE_LABEL;
import static org.osce.vienna.engine.ProcessConstants.DELIVERED_AT;
import static org.osce.vienna.engine.ProcessConstants.LEAD_DELEGATION;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.LETTER_URL;
import static org.osce.vienna.engine.ProcessConstants.PROCESS_KEY;
import static org.osce.vienna.engine.ProcessConstants.QUESTION_ASSESSMENTS;
import static org.osce.vienna.engine.ProcessConstants.REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DAYS_LATE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_DUE_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REMINDER_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_RECEIVED_AT;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_REFERENCE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_STATUS;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUBSTANTIVE;
import static org.osce.vienna.engine.ProcessConstants.RESPONSE_SUMMARY;
import static org.osce.vienna.engine.ProcessConstants.SIGNATORIES;
import static org.osce.vienna.engine.ProcessConstants.SIGNATORIES_TEXT;
import static org.osce.vienna.engine.ProcessConstants.SIGNATORY_COUNT;
import static org.osce.vienna.engine.ProcessConstants.SUBJECT;
import static org.osce.vienna.engine.ProcessConstants.TASK_ASSESS_RESPONSE;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_FOLLOW_UP;
import static org.osce.vienna.engine.ProcessConstants.TASK_REGISTER_RESPONSE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.Deadlines;
import org.osce.vienna.casefile.ReferenceTaken;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.delivery.LetterComposer;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.delivery.RecordDelivery;
import org.osce.vienna.drafting.Letter;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseAccess;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.engine.StateNames;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.followup.FollowUps;
import org.osce.vienna.registry.PastInvocation.Reply;
import org.osce.vienna.response.Assessments;
import org.osce.vienna.response.RecordResponse;
import org.osce.vienna.signoff.OnBehalfOf;
import org.osce.vienna.signoff.Signatories;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a past invocation ({@link PastInvocation}) in the application's own tables as the live steps
 * would have left it, with its real dates, in one transaction, and sends no notice (the notices of those
 * steps are events of the delegates, which do not run here). A case that ended is closed. One that had
 * not goes on as a live case from where it stood: its process instance is started at the step it
 * waits in (the reply, its assessment, the follow-up), with the variables the model has there; the reply
 * timer then counts from the real delivery and, when it has passed, the missed-deadline path runs.
 */
@Service
public class PastInvocations {

  private final CaseRecords cases;
  private final Signatories signatories;
  private final Letters letters;
  private final LetterComposer composer;
  private final Assessments assessments;
  private final FollowUps followUps;
  private final Timeline timeline;
  private final Deadlines deadlines;
  private final ViennaProperties properties;
  private final CaseAccess caseAccess;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Replies replies;

  public PastInvocations(CaseRecords cases, Signatories signatories, Letters letters, LetterComposer composer,
      Assessments assessments, FollowUps followUps, Timeline timeline, Deadlines deadlines,
      ViennaProperties properties, CaseAccess caseAccess, RuntimeService runtimeService,
      IdentityService identityService, Replies replies) {
    this.replies = replies;
    this.cases = cases;
    this.signatories = signatories;
    this.letters = letters;
    this.composer = composer;
    this.assessments = assessments;
    this.followUps = followUps;
    this.timeline = timeline;
    this.deadlines = deadlines;
    this.properties = properties;
    this.caseAccess = caseAccess;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** {@code by}: the user who records it (the caller may do so: the API has checked). */
  @Transactional
  public void record(PastInvocation past, String by, Instant now) {
    String reference = past.start().reference();
    String lead = past.start().leadDelegation();
    if (cases.exists(reference)) {
      throw new ReferenceTaken(PastInvocation.REFUSED, reference);
    }
    Letter letter = past.start().letter();
    int period = letter == null ? properties.responsePeriodDays() : letter.responsePeriodOr(properties.responsePeriodDays());
    Instant dueAt = deadlines.responseDue(past.deliveredAt(), period);
    try {
      cases.createRecorded(reference, past.start().subject(), lead, past.start().addresseeState(), null, by,
          past.deliveredAt(), dueAt);
    } catch (DuplicateKeyException e) {
      throw new ReferenceTaken(PastInvocation.REFUSED, reference);
    }
    List<String> others = past.signatories().stream().filter(code -> !code.equals(lead)).toList();
    signatories.openRound(reference, lead, others, past.deliveredAt());
    others.forEach(code -> signatories.decide(reference, code, true, null, null, past.deliveredAt()));
    List<String> signing = signatories.signing(reference);
    if (letter != null) {
      LocalDate dated = LocalDate.ofInstant(past.deliveredAt(), properties.timeZone());
      letters.save(reference, new Letters.FinalLetter(composer.html(letter, signing, dated,
          properties.responsePeriodDays()), OnBehalfOf.followingDelegations(signing), past.deliveredAt()), signing);
    }
    timeline.record(reference, past.deliveredAt(), TimelineEvent.LETTER_DELIVERED, null, "on behalf of "
        + signing.size() + " delegation(s)");

    Reply reply = past.reply();
    Instant last = past.deliveredAt();
    if (reply != null) {
      Instant receivedAt = reply.response().receivedAt();
      boolean onTime = deadlines.isOnTime(receivedAt, dueAt);
      int daysLate = deadlines.daysLate(receivedAt, dueAt);
      cases.responseReceived(reference, onTime ? ResponseStatus.ON_TIME : ResponseStatus.LATE, receivedAt, daysLate,
          reply.response().reference(), reply.response().summary());
      timeline.record(reference, receivedAt, TimelineEvent.RESPONSE_RECEIVED, null,
          onTime ? "on time" : daysLate + " day(s) late");
      last = receivedAt;
      if (reply.assessment() != null) {
        assessments.save(reference, reply.assessment().byQuestion());
        cases.assessed(reference, reply.assessment().substantive());
        // When it was assessed is not part of the record: the entry stands at the reply it assesses.
        timeline.record(reference, receivedAt, TimelineEvent.RESPONSE_ASSESSED, null,
            reply.assessment().timelineDetail());
      }
    }
    for (Reply further : past.supplementary()) {
      last = supplementaryReply(reference, further, dueAt);
    }

    if (past.ended()) {
      close(past, reference, last);
    } else {
      goOn(past, reference, letter, signing, dueAt);
    }
    timeline.record(reference, now, TimelineEvent.CASE_RECORDED, by,
        "recorded afterwards as it happened; no notices were sent");
  }

  /** A supplementary reply, recorded and assessed as it was; the time it was received. */
  private Instant supplementaryReply(String reference, Reply further, Instant dueAt) {
    Instant receivedAt = further.response().receivedAt();
    boolean onTime = deadlines.isOnTime(receivedAt, dueAt);
    int daysLate = deadlines.daysLate(receivedAt, dueAt);
    ResponseStatus status = onTime ? ResponseStatus.ON_TIME : ResponseStatus.LATE;
    int seq = replies.register(reference, receivedAt, further.response().reference(), further.response().summary(),
        receivedAt);
    replies.recorded(reference, seq, receivedAt, further.response().reference(), further.response().summary(), status,
        daysLate);
    assessments.save(reference, seq, further.assessment().byQuestion());
    replies.assessed(reference, seq, further.assessment().substantive());
    timeline.record(reference, receivedAt, TimelineEvent.RESPONSE_RECEIVED, null,
        (onTime ? "on time" : daysLate + " day(s) late") + "; supplementary reply");
    timeline.record(reference, receivedAt, TimelineEvent.RESPONSE_ASSESSED, null,
        further.assessment().timelineDetail());
    return receivedAt;
  }

  /** Follow-up (none when not given) and closing, at the closing date, or else at the last date known. */
  private void close(PastInvocation past, String reference, Instant last) {
    Instant at = past.closedAt() != null ? past.closedAt() : last;
    if (past.reply() == null) {
      cases.noResponse(reference);
      timeline.record(reference, at, TimelineEvent.NO_RESPONSE, null, "no response was received");
    }
    List<FollowUpAction> actions = past.followUp() == null ? List.of() : past.followUp().actions();
    followUps.decided(reference, actions, past.followUp() == null ? List.of() : past.followUp().moscowSupporters(), at);
    timeline.record(reference, at, TimelineEvent.FOLLOW_UP_DECIDED, null,
        past.followUp() == null ? FollowUpAction.inWords(actions) : past.followUp().inWords());
    cases.closed(reference, at);
    timeline.record(reference, at, TimelineEvent.CASE_CLOSED, null,
        FollowUpAction.closingDetail(cases.get(reference).responseStatus(), actions));
  }

  /**
   * Starts the case's process instance at the step it waits in. As the application, with no user
   * authenticated: the start-at-activity guard lets the engine's own starts through, and an outside
   * caller cannot reach this start (the API has already decided who may record a case).
   */
  private void goOn(PastInvocation past, String reference, Letter letter, List<String> signing, Instant dueAt) {
    Map<String, Object> variables = new HashMap<>(StateNames.variables());
    variables.put(REFERENCE, reference);
    variables.put(LEAD_DELEGATION, past.start().leadDelegation());
    variables.put(ADDRESSEE_STATE, past.start().addresseeState());
    variables.put(SUBJECT, past.start().subject());
    variables.put(CASE_LABEL, CaseVariables.caseLabel(reference, past.start().addresseeState()));
    variables.put(LETTER, SpinValues.jsonValue(LetterReader.write(letter)).create());
    variables.put(SIGNATORIES, CaseVariables.jsonValue(signing));
    variables.put(SIGNATORY_COUNT, signing.size());
    variables.put(SIGNATORIES_TEXT, OnBehalfOf.sentence(signing));
    variables.put(LETTER_URL, "/api/cases/" + reference + "/letter.pdf");
    variables.put(DELIVERED_AT, CaseVariables.dateValue(past.deliveredAt()));
    variables.put(RESPONSE_DUE_AT, CaseVariables.dateValue(dueAt));
    variables.put(RESPONSE_REMINDER_AT, CaseVariables.dateValue(RecordDelivery.responseReminder(deadlines, properties,
        dueAt, EngineClock.now())));
    String activity = TASK_REGISTER_RESPONSE;
    Reply reply = past.reply();
    if (reply != null) {
      var record = cases.get(reference);
      variables.put(RESPONSE_RECEIVED, true);
      variables.put(RESPONSE_RECEIVED_AT, CaseVariables.dateValue(reply.response().receivedAt()));
      variables.put(RESPONSE_REFERENCE, reply.response().reference());
      variables.put(RESPONSE_SUMMARY, reply.response().summary());
      variables.put(RESPONSE_STATUS, record.responseStatus().name());
      variables.put(RESPONSE_DAYS_LATE, record.responseDaysLate());
      if (reply.assessment() == null) {
        variables.put(QUESTION_ASSESSMENTS, CaseVariables.jsonValue(RecordResponse.questionsToAssess(letter)));
        activity = TASK_ASSESS_RESPONSE;
      } else {
        variables.put(RESPONSE_SUBSTANTIVE, reply.assessment().substantive());
        variables.put(QUESTION_ASSESSMENTS, CaseVariables.jsonValue(reply.assessment().canonical()));
        activity = TASK_DECIDE_FOLLOW_UP;
      }
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      String processInstanceId = runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(reference)
          .setVariables(variables).startBeforeActivity(activity).execute().getId();
      cases.processInstance(reference, processInstanceId);
      caseAccess.grantToLead(processInstanceId, past.start().leadDelegation());
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
