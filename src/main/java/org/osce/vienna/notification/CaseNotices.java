package org.osce.vienna.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.osce.vienna.cases.FollowUpAction;
import org.osce.vienna.cases.ParticipatingState;
import org.osce.vienna.cases.ParticipatingStates;
import org.osce.vienna.cases.ViennaProperties;
import org.osce.vienna.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * The notices of the procedure: who is told of which event, and what they read. Each notice goes
 * to the outbox in the transaction of the step that causes it; recipients are delegation groups
 * ({@code delegation-gb}) or the addressee's mission ({@code mission-by}).
 */
@Component
public class CaseNotices {

  public static final String MISSION_PREFIX = "mission-";

  private final NotificationOutbox outbox;
  private final DateTimeFormatter dateTime;

  public CaseNotices(NotificationOutbox outbox, ViennaProperties properties) {
    this.outbox = outbox;
    ZoneId zone = properties.timeZone();
    this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(zone);
  }

  public void invitedToCoSign(String reference, String label, List<String> invited, Instant dueAt) {
    outbox.enqueue(reference, "CO_SIGNING_INVITATION", invited.stream().map(Groups::heads).toList(),
        "Invitation to co-sign: " + label,
        "Your delegation is invited to co-sign a letter invoking the Vienna (Human Dimension) Mechanism, "
            + label + ".\nPlease decide in Tasklist before " + format(dueAt) + ".");
  }

  public void invocation(String reference, String label, String addressee, List<String> signatories) {
    List<String> everyDelegation = ParticipatingStates.all().list().stream()
        .map(ParticipatingState::code).map(Groups::delegation).toList();
    outbox.enqueue(reference, "MECHANISM_INVOKED", everyDelegation,
        "Vienna Mechanism invoked: " + label,
        "The Vienna (Human Dimension) Mechanism has been invoked with regard to " + nameInText(addressee)
            + " on behalf of " + signatories.size() + " participating States (" + String.join(", ", signatories)
            + "). Case " + reference + ".");
  }

  public void letterToAddressee(String reference, String addressee, String subject, String letterHtml) {
    outbox.enqueue(reference, "LETTER_DELIVERY", List.of(MISSION_PREFIX + addressee.toLowerCase(Locale.ROOT)),
        subject, letterHtml);
  }

  public void deadlinePassed(String reference, String label, List<String> signatories, Instant dueAt) {
    outbox.enqueue(reference, "RESPONSE_DEADLINE_PASSED", delegations(signatories),
        "Response deadline passed: " + label,
        "No written response was registered by the deadline, " + format(dueAt)
            + ". A late response will still be accepted and recorded as late.");
  }

  public void responseReceived(String reference, String label, List<String> signatories, boolean onTime,
      int daysLate) {
    outbox.enqueue(reference, "RESPONSE_RECEIVED", delegations(signatories),
        "Response received: " + label,
        "The written response has been received " + (onTime ? "on time." : daysLate + " day(s) late.")
            + " It will now be assessed question by question.");
  }

  public void meetingRequested(String reference, String label, List<String> signatories, String requestedBy,
      Instant targetAt) {
    outbox.enqueue(reference, "MEETING_REQUESTED", delegations(signatories),
        "Bilateral meeting requested: " + label,
        nameInText(requestedBy) + " requested a bilateral meeting. As a rule it is held within one week: by "
            + format(targetAt) + ".");
  }

  public void meetingTargetPassed(String reference, String label, List<String> signatories, Instant targetAt) {
    outbox.enqueue(reference, "MEETING_TARGET_PASSED", delegations(signatories),
        "Bilateral meeting target passed: " + label,
        "The bilateral meeting was not arranged within one week of the request (target " + format(targetAt) + ").");
  }

  public void caseClosed(String reference, String label, List<String> signatories, List<FollowUpAction> actions) {
    outbox.enqueue(reference, "CASE_CLOSED", delegations(signatories),
        "Case closed: " + label,
        "The case is closed. Follow-up actions decided: "
            + (actions.isEmpty() ? "none" : String.join(", ", actions.stream().map(Enum::name).toList())) + ".");
  }

  private String format(Instant instant) {
    return instant == null ? "(not set)" : dateTime.format(instant);
  }

  private static List<String> delegations(List<String> codes) {
    return codes.stream().map(Groups::delegation).toList();
  }

  private static String nameInText(String code) {
    return ParticipatingStates.all().byCode(code).map(ParticipatingState::nameInText).orElse(code);
  }
}
