package org.osce.vienna.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Groups;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.delivery.LetterDelivered;
import org.osce.vienna.delivery.LetterPdf;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.delivery.MechanismInvoked;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.followup.CaseClosed;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.followup.InvocationWithdrawn;
import org.osce.vienna.meeting.MeetingArranged;
import org.osce.vienna.meeting.MeetingRequested;
import org.osce.vienna.meeting.MeetingSetAfterTarget;
import org.osce.vienna.meeting.MeetingTargetPassed;
import org.osce.vienna.response.ResponseDeadlinePassed;
import org.osce.vienna.response.ResponseRecorded;
import org.osce.vienna.response.ResponseReminderDue;
import org.osce.vienna.signoff.CoSigningInvited;
import org.osce.vienna.signoff.CoSigningReminderDue;
import org.osce.vienna.signoff.OnBehalfOf;
import org.springframework.context.event.EventListener;
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
  public static final String CO_SIGNING_REMINDER = "CO_SIGNING_REMINDER";
  public static final String MECHANISM_INVOKED = "MECHANISM_INVOKED";
  public static final String LETTER_DELIVERED = "LETTER_DELIVERED";
  public static final String LETTER_DELIVERY = "LETTER_DELIVERY";
  public static final String RESPONSE_DEADLINE_PASSED = "RESPONSE_DEADLINE_PASSED";
  public static final String RESPONSE_REMINDER = "RESPONSE_REMINDER";
  public static final String RESPONSE_RECEIVED = "RESPONSE_RECEIVED";
  public static final String MEETING_REQUESTED = "MEETING_REQUESTED";
  public static final String MEETING_ASKED = "MEETING_ASKED";
  public static final String MEETING_TARGET_PASSED = "MEETING_TARGET_PASSED";
  public static final String MEETING_ARRANGED = "MEETING_ARRANGED";
  public static final String MEETING_SET_AFTER_TARGET = "MEETING_SET_AFTER_TARGET";
  public static final String CASE_CLOSED = "CASE_CLOSED";
  public static final String INVOCATION_WITHDRAWN = "INVOCATION_WITHDRAWN";

  /** How long an arranged meeting is in the calendar (its end is not recorded). */
  static final Duration MEETING_LENGTH = Duration.ofHours(1);

  private final NotificationOutbox outbox;
  private final MailTemplates templates;
  private final MailSettings settings;
  private final MailAddresses addresses;
  private final ZoneId zone;
  private final DateTimeFormatter dateTime;
  private final Letters letters;
  private final LetterPdf pdf;

  public CaseNotices(NotificationOutbox outbox, MailTemplates templates, MailSettings settings,
      MailAddresses addresses, ViennaProperties properties, Letters letters, LetterPdf pdf) {
    this.outbox = outbox;
    this.letters = letters;
    this.pdf = pdf;
    this.addresses = addresses;
    this.templates = templates;
    this.settings = settings;
    this.zone = properties.timeZone();
    // "2 November 2021, 18:00 Vienna time (CET)": the procedure's zone by its city, and whether summer time.
    this.dateTime = DateTimes.shownIn(zone);
  }

  /**
   * To the heads of an invited delegation, one message per delegation: who leads, to whom the letter goes, on
   * what, by when to decide (in the procedure's zone, with the deadline as a calendar entry), and the link to
   * the delegation's own task in Tasklist. Sent after the deadline (the mail server was down), it says so.
   */
  @EventListener
  public void invitedToCoSign(CoSigningInvited event) {
    Map<String, Object> words = with(caseWords(event.lead(), event.addressee(), event.subject(), event.dueAt(),
        event.taskId()), "delegation", name(event.delegation()));
    String subject = "Invitation to co-sign: " + event.label();
    String onTime = body("co-signing-invitation", event.reference(), event.label(), with(words, "late", false));
    Notice.Late late = event.dueAt() == null ? null : new Notice.Late(event.dueAt(),
        "Invitation to co-sign (deadline passed): " + event.label(),
        body("co-signing-invitation", event.reference(), event.label(), with(words, "late", true)));
    IcsFile deadline = event.dueAt() == null ? null : CalendarEvent.deadline(
        "vm-sign-off-due-" + event.reference() + "@" + MessageIds.DOMAIN, 0, event.dueAt(), zone,
        "Co-signing deadline: " + event.label(),
        "Decide on co-signing the letter by " + format(event.dueAt()) + ": " + settings.taskLink(event.taskId()))
        .file("sign-off-deadline-" + event.reference() + ".ics", EngineClock.now());
    outbox.enqueue(event.reference(), new Notice(CO_SIGNING_INVITATION, List.of(Groups.heads(event.delegation())),
        subject, onTime, deadline, late));
  }

  /**
   * To the heads of an invited delegation that has not decided, before the sign-off deadline: the invitation's
   * words and link again. One message per such delegation; a delegation that decided gets none.
   */
  @EventListener
  public void coSigningReminder(CoSigningReminderDue event) {
    outbox.enqueue(event.reference(), new Notice(CO_SIGNING_REMINDER, List.of(Groups.heads(event.delegation())),
        "Reminder: decide on co-signing by " + format(event.dueAt()) + ": " + event.label(),
        body("co-signing-reminder", event.reference(), event.label(), with(caseWords(event.lead(), event.addressee(),
            event.subject(), event.dueAt(), event.taskId()), "delegation", name(event.delegation())))));
  }

  /** To the lead delegation, on the morning of the day the reply is due, with the link to its task. */
  @EventListener
  public void responseReminder(ResponseReminderDue event) {
    outbox.enqueue(event.reference(), new Notice(RESPONSE_REMINDER, List.of(Groups.delegation(event.lead())),
        "Reminder: the reply is due today, " + format(event.dueAt()) + ": " + event.label(),
        body("response-reminder", event.reference(), event.label(), with(with(caseWords(event.lead(),
            event.addressee(), event.subject(), event.dueAt(), event.taskId()),
            "addresseeInText", nameInText(event.addressee())), "delegation", nameInText(event.lead())))));
  }

  /** What the invitation and the reminders say of the case, its deadline and the task to open. */
  private Map<String, Object> caseWords(String lead, String addressee, String subject, Instant dueAt, String taskId) {
    return Map.of(
        "lead", capitalised(nameInText(lead)),
        "leadState", name(lead),
        "addressee", name(addressee),
        "subject", subject == null ? "(none given)" : subject,
        "dueAt", format(dueAt),
        "taskLink", taskId == null ? settings.tasklistUrl() : settings.taskLink(taskId));
  }

  /**
   * Stage 3, when the lead's heads decided it: to every participating State's delegation, the 57, each in a message
   * of its own (nobody sees the others' addresses), with the letter.
   */
  @EventListener
  public void invocation(MechanismInvoked event) {
    List<String> everyDelegation = ParticipatingStates.all().list().stream()
        .map(ParticipatingState::code).map(Groups::delegation).toList();
    outbox.enqueue(event.reference(), new Notice(MECHANISM_INVOKED, everyDelegation,
        "Vienna Mechanism invoked: " + event.label(),
        body("mechanism-invoked", event.reference(), event.label(), Map.of("addressee", nameInText(event.addressee()),
            "signatories", OnBehalfOf.followingDelegations(event.signatories()),
            "fileName", LetterPdf.fileName(event.reference())))).with(letterOf(event.reference())));
  }

  /** To the signatories, whatever is made public: the letter they signed went, and when the reply is due. */
  @EventListener
  public void delivered(LetterDelivered event) {
    outbox.enqueue(event.reference(), new Notice(LETTER_DELIVERED, delegations(event.signatories()),
        "Letter delivered: " + event.label(),
        body("letter-delivered", event.reference(), event.label(), Map.of("addressee", nameInText(event.addressee()),
            "deliveredAt", format(event.deliveredAt()), "dueAt", format(event.responseDueAt()),
            "fileName", LetterPdf.fileName(event.reference())))).with(letterOf(event.reference())));
  }

  /** The final letter as a PDF, as it was delivered. */
  private Attachment letterOf(String reference) {
    Letters.FinalLetter letter = letters.find(reference)
        .orElseThrow(() -> new IllegalStateException("Case " + reference + " has no composed letter"));
    return new Attachment(LetterPdf.fileName(reference), LetterPdf.MEDIA_TYPE, pdf.render(letter.html()));
  }

  /**
   * The letter, to the addressee's mission, from the lead delegation (named, with its address for the reply);
   * not queued: {@link LetterByEmail} sends it with its PDF.
   */
  public Notice letterToAddressee(String reference, String label, String addressee, String lead,
      Letters.FinalLetter letter) {
    return new Notice(LETTER_DELIVERY, List.of(MISSION_PREFIX + addressee.toLowerCase(Locale.ROOT)),
        "Vienna (Human Dimension) Mechanism: " + label,
        body("letter-delivery", reference, label, Map.of(
            "date", DateTimes.shownDay(LocalDate.ofInstant(letter.composedAt(), zone)),
            "signatories", letter.onBehalfOf(), "fileName", LetterPdf.fileName(reference),
            "delegation", delegationOf(lead), "replyTo", addresses.of(Groups.delegation(lead)))));
  }

  /** The letter is the lead delegation's: sent in its name, and answered at its address. */
  public SmtpMailer.Sender letterSender(String lead) {
    return new SmtpMailer.Sender(capitalised(delegationOf(lead)), Groups.delegation(lead));
  }

  /** "the delegation of the United Kingdom". */
  private static String delegationOf(String code) {
    return "the delegation of " + nameInText(code);
  }

  /** To the signatories, with the deadline as a calendar entry. */
  @EventListener
  public void deadlinePassed(ResponseDeadlinePassed event) {
    String uid = "vm-response-due-" + event.reference() + "@" + MessageIds.DOMAIN;
    CalendarEvent deadline = CalendarEvent.deadline(uid, 0, event.dueAt(), zone,
        "Response due: " + event.label(),
        "The written response under the Vienna (Human Dimension) Mechanism was due by " + format(event.dueAt()) + ".");
    outbox.enqueue(event.reference(), new Notice(RESPONSE_DEADLINE_PASSED, delegations(event.signatories()),
        "Response deadline passed: " + event.label(),
        body("response-deadline-passed", event.reference(), event.label(), Map.of("dueAt", format(event.dueAt()))),
        deadline.file("response-deadline-" + event.reference() + ".ics", EngineClock.now())));
  }

  @EventListener
  public void responseReceived(ResponseRecorded event) {
    outbox.enqueue(event.reference(), new Notice(RESPONSE_RECEIVED, delegations(event.signatories()),
        (event.supplementary() ? "Supplementary reply received: " : "Response received: ") + event.label(),
        body("response-received", event.reference(), event.label(),
            Map.of("timeliness", event.onTime() ? "on time" : event.daysLate() + " day(s) late",
                "supplementary", event.supplementary()))));
  }

  /**
   * To the signatories, with the one-week target as a calendar entry; when the invoking side asks, the addressee's
   * delegation is asked for the meeting (Vienna para 2: either side may ask the other).
   */
  @EventListener
  public void meetingRequested(MeetingRequested event) {
    Map<String, Object> words = Map.of("requestedBy", capitalised(nameInText(event.requestedBy())),
        "targetAt", format(event.targetAt()));
    outbox.enqueue(event.reference(), new Notice(MEETING_REQUESTED, delegations(event.signatories()),
        "Bilateral meeting requested: " + event.label(),
        body("meeting-requested", event.reference(), event.label(), words),
        meetingTarget(event.reference(), event.label(), event.meetingId(), event.targetAt(), 0)));
    if (event.askedOfAddressee()) {
      outbox.enqueue(event.reference(), new Notice(MEETING_ASKED, List.of(Groups.delegation(event.addressee())),
          "Request for a bilateral meeting: " + event.label(),
          body("meeting-asked", event.reference(), event.label(), with(words, "addressee", nameInText(event.addressee()))),
          meetingTarget(event.reference(), event.label(), event.meetingId(), event.targetAt(), 0)));
    }
  }

  /** To the signatories; the calendar entry of the request is revised (same UID, next sequence). */
  @EventListener
  public void meetingTargetPassed(MeetingTargetPassed event) {
    outbox.enqueue(event.reference(), new Notice(MEETING_TARGET_PASSED, delegations(event.signatories()),
        "Bilateral meeting target passed: " + event.label(),
        body("meeting-target-passed", event.reference(), event.label(), Map.of("targetAt", format(event.targetAt()))),
        meetingTarget(event.reference(), event.label(), event.meetingId(), event.targetAt(), 1)));
  }

  /** To the signatories, with the meeting as a calendar entry at its time and place, for an hour. */
  @EventListener
  public void meetingArranged(MeetingArranged event) {
    Instant at = event.scheduledFor();
    CalendarEvent meeting = new CalendarEvent("vm-meeting-" + event.reference() + "-" + event.meetingId() + "@"
        + MessageIds.DOMAIN, 0, new CalendarEvent.Timed(at, at.plus(MEETING_LENGTH)),
        "Bilateral meeting: " + event.label(),
        "The bilateral meeting under the Vienna (Human Dimension) Mechanism, arranged for "
            + format(at) + " at " + event.place() + ".", event.place());
    outbox.enqueue(event.reference(), new Notice(MEETING_ARRANGED, delegations(event.signatories()),
        "Bilateral meeting arranged: " + event.label(),
        body("meeting-arranged", event.reference(), event.label(), Map.of("scheduledFor", format(at),
            "place", event.place())),
        meeting.file("meeting-" + event.reference() + "-" + event.meetingId() + ".ics", EngineClock.now())));
  }

  /**
   * To the signatories, as the meeting is set after its one-week target: the target will be missed. The calendar
   * entry of the target is revised as when it passes (one of the two is sent for a meeting).
   */
  @EventListener
  public void meetingSetAfterTarget(MeetingSetAfterTarget event) {
    outbox.enqueue(event.reference(), new Notice(MEETING_SET_AFTER_TARGET, delegations(event.signatories()),
        "Bilateral meeting set after its target: " + event.label(),
        body("meeting-set-after-target", event.reference(), event.label(), Map.of(
            "scheduledFor", format(event.scheduledFor()), "targetAt", format(event.targetAt()))),
        meetingTarget(event.reference(), event.label(), event.meetingId(), event.targetAt(), 1)));
  }

  @EventListener
  public void caseClosed(CaseClosed event) {
    outbox.enqueue(event.reference(), new Notice(CASE_CLOSED, delegations(event.signatories()),
        "Case closed: " + event.label(),
        body("case-closed", event.reference(), event.label(), Map.of("actions", event.actions().isEmpty() ? "none"
            : String.join("; ", event.actions().stream().map(FollowUpAction::description).toList())))));
  }

  /** To the delegations of a withdrawn case, with the lead's reason. */
  @EventListener
  public void invocationWithdrawn(InvocationWithdrawn event) {
    outbox.enqueue(event.reference(), new Notice(INVOCATION_WITHDRAWN, delegations(event.delegations()),
        "Invocation withdrawn: " + event.label(),
        body("invocation-withdrawn", event.reference(), event.label(), Map.of("lead",
            capitalised(nameInText(event.lead())), "reason", event.reason() == null ? "(none given)" : event.reason()))));
  }

  private IcsFile meetingTarget(String reference, String label, long meetingId, Instant targetAt, int sequence) {
    CalendarEvent target = CalendarEvent.deadline("vm-meeting-target-" + reference + "-" + meetingId + "@"
        + MessageIds.DOMAIN, sequence, targetAt, zone, "Bilateral meeting target: " + label,
        "As a rule the bilateral meeting is held within one week of the request: by " + format(targetAt) + ".");
    return target.file("meeting-target-" + reference + "-" + meetingId + ".ics", EngineClock.now());
  }

  private String body(String template, String reference, String label, Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("reference", reference);
    all.put("label", label);
    return templates.render(template, all);
  }

  private static Map<String, Object> with(Map<String, Object> words, String name, Object value) {
    Map<String, Object> all = new HashMap<>(words);
    all.put(name, value);
    return all;
  }

  /** "Vienna time" for Europe/Vienna: the city of the zone. */
  static String zoneName(ZoneId zone) {
    return DateTimes.zoneName(zone);
  }

  private String format(Instant instant) {
    return instant == null ? "(not set)" : dateTime.format(instant);
  }

  private static List<String> delegations(List<String> codes) {
    return codes.stream().map(Groups::delegation).toList();
  }

  /** "United Kingdom", as a name stands alone. */
  private static String name(String code) {
    return code == null ? "(not set)"
        : ParticipatingStates.all().byCode(code).map(ParticipatingState::name).orElse(code);
  }

  private static String nameInText(String code) {
    return ParticipatingStates.all().byCode(code).map(ParticipatingState::nameInText).orElse(code);
  }

  /** "The United States requested …" at the start of a sentence. */
  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
