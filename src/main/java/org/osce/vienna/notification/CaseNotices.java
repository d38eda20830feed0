package org.osce.vienna.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osce.vienna.cases.FollowUpAction;
import org.osce.vienna.cases.Letters;
import org.osce.vienna.cases.OnBehalfOf;
import org.osce.vienna.cases.ParticipatingState;
import org.osce.vienna.cases.ParticipatingStates;
import org.osce.vienna.cases.ViennaProperties;
import org.osce.vienna.identity.Groups;
import org.osce.vienna.letter.LetterPdf;
import org.osce.vienna.process.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The notices of the procedure: who is told of which event, and what they read (bodies from
 * {@code templates/mail}). Each notice goes to the outbox in the transaction of the step that
 * causes it; recipients are delegation groups ({@code delegation-gb}) or the addressee's mission
 * ({@code mission-by}). The one exception is the letter itself, which is sent while its step runs
 * (see {@link LetterByEmail}), so that its delivery time is the time the mail server took it.
 */
@Component
public class CaseNotices {

  public static final String MISSION_PREFIX = "mission-";

  public static final String CO_SIGNING_INVITATION = "CO_SIGNING_INVITATION";
  public static final String MECHANISM_INVOKED = "MECHANISM_INVOKED";
  public static final String LETTER_DELIVERY = "LETTER_DELIVERY";
  public static final String RESPONSE_DEADLINE_PASSED = "RESPONSE_DEADLINE_PASSED";
  public static final String RESPONSE_RECEIVED = "RESPONSE_RECEIVED";
  public static final String MEETING_REQUESTED = "MEETING_REQUESTED";
  public static final String MEETING_TARGET_PASSED = "MEETING_TARGET_PASSED";
  public static final String CASE_CLOSED = "CASE_CLOSED";

  private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final NotificationOutbox outbox;
  private final MailTemplates templates;
  private final ZoneId zone;
  private final DateTimeFormatter dateTime;

  public CaseNotices(NotificationOutbox outbox, MailTemplates templates, ViennaProperties properties) {
    this.outbox = outbox;
    this.templates = templates;
    this.zone = properties.timeZone();
    this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(zone);
  }

  /** To the heads of each invited delegation. */
  public void invitedToCoSign(String reference, String label, List<String> invited, Instant dueAt) {
    outbox.enqueue(reference, new Notice(CO_SIGNING_INVITATION, invited.stream().map(Groups::heads).toList(),
        "Invitation to co-sign: " + label,
        body("co-signing-invitation", reference, label, Map.of("dueAt", format(dueAt)))));
  }

  /** Stage 3: to every participating State's delegation, the 57. */
  public void invocation(String reference, String label, String addressee, List<String> signatories) {
    List<String> everyDelegation = ParticipatingStates.all().list().stream()
        .map(ParticipatingState::code).map(Groups::delegation).toList();
    outbox.enqueue(reference, new Notice(MECHANISM_INVOKED, everyDelegation,
        "Vienna Mechanism invoked: " + label,
        body("mechanism-invoked", reference, label, Map.of("addressee", nameInText(addressee),
            "count", signatories.size(), "signatories", OnBehalfOf.sentence(signatories)))));
  }

  /** The letter, to the addressee's mission; not queued: {@link LetterByEmail} sends it with its PDF. */
  public Notice letterToAddressee(String reference, String label, String addressee, Letters.FinalLetter letter) {
    return new Notice(LETTER_DELIVERY, List.of(MISSION_PREFIX + addressee.toLowerCase(Locale.ROOT)),
        "Vienna (Human Dimension) Mechanism: " + label,
        body("letter-delivery", reference, label, Map.of(
            "date", LETTER_DATE.format(LocalDate.ofInstant(letter.composedAt(), zone)),
            "signatories", letter.onBehalfOf(), "fileName", LetterPdf.fileName(reference))));
  }

  /** To the signatories, with the deadline as a calendar entry. */
  public void deadlinePassed(String reference, String label, List<String> signatories, Instant dueAt) {
    CalendarEvent deadline = new CalendarEvent("vm-response-due-" + reference + "@" + MessageIds.DOMAIN, 0, dueAt,
        "Response due: " + label,
        "The written response under the Vienna (Human Dimension) Mechanism was due by " + format(dueAt) + ".");
    outbox.enqueue(reference, new Notice(RESPONSE_DEADLINE_PASSED, delegations(signatories),
        "Response deadline passed: " + label,
        body("response-deadline-passed", reference, label, Map.of("dueAt", format(dueAt))),
        deadline.file("response-deadline-" + reference + ".ics", EngineClock.now())));
  }

  public void responseReceived(String reference, String label, List<String> signatories, boolean onTime,
      int daysLate) {
    outbox.enqueue(reference, new Notice(RESPONSE_RECEIVED, delegations(signatories),
        "Response received: " + label,
        body("response-received", reference, label,
            Map.of("timeliness", onTime ? "on time" : daysLate + " day(s) late"))));
  }

  /** To the signatories, with the one-week target as a calendar entry. */
  public void meetingRequested(String reference, String label, List<String> signatories, String requestedBy,
      long meetingId, Instant targetAt) {
    outbox.enqueue(reference, new Notice(MEETING_REQUESTED, delegations(signatories),
        "Bilateral meeting requested: " + label,
        body("meeting-requested", reference, label,
            Map.of("requestedBy", capitalised(nameInText(requestedBy)), "targetAt", format(targetAt))),
        meetingTarget(reference, label, meetingId, targetAt, 0)));
  }

  /** To the signatories; the calendar entry of the request is revised (same UID, next sequence). */
  public void meetingTargetPassed(String reference, String label, List<String> signatories, long meetingId,
      Instant targetAt) {
    outbox.enqueue(reference, new Notice(MEETING_TARGET_PASSED, delegations(signatories),
        "Bilateral meeting target passed: " + label,
        body("meeting-target-passed", reference, label, Map.of("targetAt", format(targetAt))),
        meetingTarget(reference, label, meetingId, targetAt, 1)));
  }

  public void caseClosed(String reference, String label, List<String> signatories, List<FollowUpAction> actions) {
    outbox.enqueue(reference, new Notice(CASE_CLOSED, delegations(signatories),
        "Case closed: " + label,
        body("case-closed", reference, label, Map.of("actions", actions.isEmpty() ? "none"
            : String.join("; ", actions.stream().map(CaseNotices::describe).toList())))));
  }

  private IcsFile meetingTarget(String reference, String label, long meetingId, Instant targetAt, int sequence) {
    CalendarEvent target = new CalendarEvent("vm-meeting-target-" + reference + "-" + meetingId + "@"
        + MessageIds.DOMAIN, sequence, targetAt, "Bilateral meeting target: " + label,
        "As a rule the bilateral meeting is held within one week of the request: by " + format(targetAt) + ".");
    return target.file("meeting-target-" + reference + "-" + meetingId + ".ics", EngineClock.now());
  }

  private String body(String template, String reference, String label, Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("reference", reference);
    all.put("label", label);
    return templates.render(template, all);
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

  /** "The United States requested …" at the start of a sentence. */
  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String describe(FollowUpAction action) {
    return switch (action) {
      case PERMANENT_COUNCIL_STATEMENT -> "a statement at the Permanent Council";
      case HUMAN_DIMENSION_MEETING -> "raising the case at a human-dimension meeting";
      case MOSCOW_MECHANISM -> "the Moscow Mechanism";
      case BILATERAL_MEETING -> "a bilateral meeting";
    };
  }
}
