package org.osce.vienna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.delivery.LetterDelivered;
import org.osce.vienna.delivery.LetterPdf;
import org.osce.vienna.delivery.MechanismInvoked;
import org.osce.vienna.followup.CaseClosed;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.meeting.MeetingArranged;
import org.osce.vienna.meeting.MeetingRequested;
import org.osce.vienna.meeting.MeetingSetAfterTarget;
import org.osce.vienna.meeting.MeetingTargetPassed;
import org.osce.vienna.notification.NotificationOutbox.Notification;
import org.osce.vienna.response.ResponseDeadlinePassed;
import org.osce.vienna.response.ResponseRecorded;
import org.osce.vienna.response.ResponseReminderDue;
import org.osce.vienna.signoff.CoSigningInvited;
import org.osce.vienna.signoff.CoSigningReminderDue;
import org.osce.vienna.support.ConnectionCountingRelay;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox sent to a real SMTP server: who receives which notice with which words and calendar
 * entry (one message per recipient, no other recipient visible), and what happens while the server
 * is down (nothing lost, each message once when it is back, within the capped back-off; an invitation
 * sent after its deadline says so) or when a sender dies between sending and recording (the same
 * Message-ID again). On each
 * database: {@link H2NotificationDeliveryTest}, {@link PostgresNotificationDeliveryTest}.
 */
abstract class NotificationDeliveryTest extends MailContextTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired
  CaseNotices notices;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  NotificationDispatcher dispatcher;
  @Autowired
  SmtpMailer mailer;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  MailSettings settings;
  @Autowired
  MailAddresses addresses;

  /** The administrator of the profile (demo, or postgres): health details are for managers and administrators. */
  @Value("${camunda.bpm.admin-user.id}")
  String adminId;
  @Value("${camunda.bpm.admin-user.password}")
  String adminPassword;
  private static final Instant NOW = Instant.parse("2021-11-16T08:30:00Z");
  private static final Instant DUE = Instant.parse("2021-11-15T22:59:59.999Z");
  /** The end of 23 November 2021 in Vienna, as the meeting target is. */
  private static final Instant MEETING_TARGET = Instant.parse("2021-11-23T22:59:59.999Z");
  /** The meeting as arranged: 25 November 2021, 14:30 in Vienna. */
  private static final Instant MEETING_AT = Instant.parse("2021-11-25T13:30:00Z");

  private List<ReceivedMail> received() {
    return ReceivedMail.all(smtp.getReceivedMessages());
  }

  /** GreenMail keeps one copy per recipient: the copies of each Message-ID. */
  private Map<String, Long> copiesPerMessageId() {
    return received().stream().collect(Collectors.groupingBy(ReceivedMail::messageId, Collectors.counting()));
  }

  private List<ReceivedMail> inMailbox(String address) {
    return ReceivedMail.all(smtp.findReceivedMessages(user -> user.getEmail().equals(address), m -> true)
        .toArray(MimeMessage[]::new));
  }

  private Notification only(String reference, String event) {
    return outbox.of(reference).stream().filter(n -> n.event().equals(event)).reduce((a, b) -> {
      throw new AssertionError("More than one " + event);
    }).orElseThrow();
  }

  /** The text with its lines ended as in Java (on the wire they end in CRLF). */
  @Test
  void theRemindersReachTheUndecidedDelegationAndTheLeadWithTheDeadlineAndTheTask() {
    clockAt(NOW);
    String reference = newCase();
    notices.coSigningReminder(new CoSigningReminderDue(reference, reference + " (Belarus)", "GB", "BY",
        "Human rights in Belarus", "DE", Instant.parse("2021-11-17T17:00:00Z"), "task-de"));
    notices.responseReminder(new ResponseReminderDue(reference, reference + " (Belarus)", "GB", "BY",
        "Human rights in Belarus", Instant.parse("2021-11-14T22:59:59.999Z"), "task-register"));

    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    assertThat(inMailbox("delegation-de@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Reminder: decide on co-signing by 17 November 2021, 18:00 Vienna time"
          + " (CET): " + reference + " (Belarus)");
      assertThat(lines(mail)).startsWith("To the heads of the delegation of Germany\n")
          .contains("The United Kingdom invited your delegation to co-sign", "has not decided yet",
              "Lead State:     United Kingdom\n", "Addressed to:   Belarus\n",
              "Subject:        Human rights in Belarus\n",
              "Decide by:      17 November 2021, 18:00 Vienna time (CET)\n", TASKLIST + "#/?task=task-de\n");
    });
    assertThat(inMailbox("delegation-gb@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Reminder: the reply is due today, 14 November 2021, 23:59 Vienna time"
          + " (CET): " + reference + " (Belarus)");
      assertThat(lines(mail)).startsWith("To the delegation of the United Kingdom\n")
          .contains("the written reply of Belarus", "is due today", "Addressed to:   Belarus\n",
              "Reply due by:   14 November 2021, 23:59 Vienna time (CET)\n",
              "\"Register the response\":\n" + TASKLIST + "#/?task=task-register\n");
    });
  }

  private static String lines(ReceivedMail mail) {
    return mail.text().replace("\r\n", "\n");
  }

  /** The invitation the sign-off round sends the heads of one delegation, with the id of the delegation's task. */
  private static CoSigningInvited invitation(String reference, String code, Instant dueAt) {
    return new CoSigningInvited(reference, reference + " (Belarus)", "GB", "BY", "Human rights in Belarus", code,
        dueAt, "task-" + code.toLowerCase());
  }

  /** A case whose letter the 2021 coalition signed, and its invocation notice queued for the 57 delegations. */
  private String invocationToThe57() {
    String reference = caseWithComposedLetter();
    List<String> signatories = new ArrayList<>(List.of("GB"));
    signatories.addAll(Fixtures.CO_SIGNATORIES_2021);
    notices.invocation(new MechanismInvoked(reference, label(reference), "BY", signatories));
    return reference;
  }

  @Test
  void aPassUnderWayWhenTheApplicationShutsDownEndsWithTheBatchItIsSendingRecorded() {
    String reference = invocationToThe57();
    // A dispatcher of its own, as the application's is when its context closes; the shared one goes on sending.
    NotificationDispatcher closing = new NotificationDispatcher(outbox, mailer, settings);
    closing.shuttingDown();

    int batch = settings.dispatch().batchSize();
    assertThat(closing.dispatchDue()).as("one batch, not the whole backlog").isEqualTo(batch);
    assertThat(received()).hasSize(batch);
    assertThat(outbox.of(reference)).filteredOn(n -> n.status().equals(NotificationOutbox.SENT)).hasSize(batch);
    assertThat(dispatcher.dispatchDue()).as("the next start sends the rest").isEqualTo(57 - batch);
    assertThat(copiesPerMessageId()).as("nothing twice").hasSize(57).containsValues(1L).doesNotContainValue(2L);
  }

  @Test
  void aPassSendsOverTwoConnectionsAtOnceEachMessageOnce() throws Exception {
    String reference = invocationToThe57();
    try (ConnectionCountingRelay relay = new ConnectionCountingRelay(TestSmtp.HOST, TestSmtp.PORT)) {
      JavaMailSenderImpl viaRelay = new JavaMailSenderImpl();
      viaRelay.setHost(TestSmtp.HOST);
      viaRelay.setPort(relay.port());
      NotificationDispatcher throughRelay = new NotificationDispatcher(outbox,
          new SmtpMailer(viaRelay, addresses, settings), settings);

      assertThat(throughRelay.dispatchDue()).isEqualTo(57);
      // Two, or for a moment three: a connection replaced after 20 messages may still be closing at the relay when
      // its successor opens.
      assertThat(relay.mostAtOnce()).as("connections open at once").isBetween(2, 3);
    }
    assertThat(copiesPerMessageId()).as("each once").hasSize(57).containsValues(1L).doesNotContainValue(2L);
    assertThat(outbox.of(reference)).extracting(Notification::status).containsOnly(NotificationOutbox.SENT);
  }

  @Test
  void theInvocationNoticeReachesEachOfThe57DelegationsInAMessageOfItsOwnWithTheLetter() {
    String reference = invocationToThe57();

    assertThat(dispatcher.dispatchDue()).as("one pass sends them all, over several batches").isEqualTo(57);
    assertThat(dispatcher.dispatchDue()).as("a second pass sends nothing").isZero();

    List<Notification> rows = outbox.of(reference);
    assertThat(rows).hasSize(57).allSatisfy(n -> {
      assertThat(n.event()).isEqualTo(CaseNotices.MECHANISM_INVOKED);
      assertThat(n.status()).isEqualTo(NotificationOutbox.SENT);
      assertThat(n.sentAt()).isNotNull();
      assertThat(n.attempts()).isEqualTo(1);
      assertThat(n.messageId()).isEqualTo("<vm-notification-" + n.id() + "@vienna-mechanism>");
    });
    Map<String, String> messageIdByRecipient = rows.stream()
        .collect(Collectors.toMap(Notification::recipient, Notification::messageId));

    List<ParticipatingState> states = ParticipatingStates.all().list();
    assertThat(states).hasSize(57);
    assertThat(messageIdByRecipient).hasSize(57);
    assertThat(received()).as("57 messages, each to one delegation").hasSize(57)
        .allSatisfy(mail -> assertThat(mail.to()).hasSize(1));
    assertThat(copiesPerMessageId()).as("each message its own Message-ID").hasSize(57).containsOnlyKeys(
        messageIdByRecipient.values());
    for (ParticipatingState state : states) {
      String address = "delegation-" + state.code().toLowerCase() + "@example.org";
      assertThat(inMailbox(address)).as(address).singleElement().satisfies(mail -> {
        assertThat(mail.to()).as("no other delegation is visible").containsExactly(address);
        assertThat(mail.messageId()).isEqualTo(messageIdByRecipient.get("delegation-" + state.code().toLowerCase()));
        assertThat(mail.from()).isEqualTo("vienna-mechanism@example.org");
        assertThat(mail.subject()).isEqualTo("Vienna Mechanism invoked: " + reference + " (Belarus)");
        assertThat(mail.text()).contains("invoked with regard to Belarus, case " + reference + " (Belarus).",
            "on behalf of the following delegations: Albania, Austria,",
            "Ukraine, the United Kingdom, and the United States.", "case " + reference + ".",
            "It is attached to this message as " + LetterPdf.fileName(reference) + ".");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
          assertThat(file.fileName()).isEqualTo(LetterPdf.fileName(reference));
          assertThat(file.contentType()).startsWith("application/pdf");
          assertThat(Fixtures.pdfText(file.content())).contains("Vienna, 4 November 2021", "Belarus");
        });
      });
    }
  }


  @Test
  void theSignatoriesAreToldOfTheDeliveryWithTheLetterKeptOnceForAllTheirMessages() {
    String reference = caseWithComposedLetter();
    Instant deliveredAt = Instant.parse("2021-11-04T10:00:00Z");
    notices.delivered(new LetterDelivered(reference, label(reference), "BY", List.of("GB", "DE", "FR"), deliveredAt,
        Instant.parse("2021-11-14T22:59:59Z")));

    assertThat(dispatcher.dispatchDue()).isEqualTo(3);
    assertThat(received()).hasSize(3).allSatisfy(mail -> {
      assertThat(mail.to()).hasSize(1);
      assertThat(mail.subject()).isEqualTo("Letter delivered: " + reference + " (Belarus)");
      assertThat(mail.text()).contains("which your delegation signed, was delivered to Belarus on 4 November 2021,"
          + " 11:00 Vienna time (CET).", "The written response is due by 14 November 2021, 23:59 Vienna time (CET).");
      assertThat(mail.attachments()).singleElement().satisfies(file ->
          assertThat(Fixtures.pdfText(file.content())).contains("Vienna, 4 November 2021"));
    });
    assertThat(inMailbox("delegation-de@example.org")).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_notification_document WHERE case_reference = ?",
        Integer.class, reference)).as("the letter kept once for the three messages").isEqualTo(1);
  }
  @Test
  void theInvitationNamesTheLeadTheAddresseeTheSubjectTheDeadlineInViennaTimeAndTheTaskInTasklist() {
    clockAt(NOW);
    String reference = newCase();
    Instant signOffDue = Instant.parse("2021-11-17T17:00:00Z");
    notices.invitedToCoSign(invitation(reference, "DE", signOffDue));
    notices.invitedToCoSign(invitation(reference, "FR", signOffDue));

    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    assertThat(inMailbox("delegation-de@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.to()).containsExactly("delegation-de@example.org");
      assertThat(mail.subject()).isEqualTo("Invitation to co-sign: " + reference + " (Belarus)");
      assertThat(lines(mail)).startsWith("To the heads of the delegation of Germany\n")
          .contains("The United Kingdom invites your delegation to co-sign a letter invoking the Vienna (Human"
                  + " Dimension) Mechanism.",
              "Case:           " + reference + " (Belarus)\n",
              "Lead State:     United Kingdom\n",
              "Addressed to:   Belarus\n",
              "Subject:        Human rights in Belarus\n",
              "Decide by:      17 November 2021, 18:00 Vienna time (CET)\n",
              "in your delegation's task \"Decide on co-signing\":\n" + TASKLIST + "#/?task=task-de\n",
              "Vienna (Human Dimension) Mechanism, case " + reference + ".")
          .doesNotContain("Sent late", "passed", "France");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> {
        assertThat(ics.fileName()).isEqualTo("sign-off-deadline-" + reference + ".ics");
        assertThat(ics.contentType()).startsWith("text/calendar");
        // At the deadline, 18:00 in Vienna, for a quarter of an hour.
        assertThat(ics.text()).contains("\r\nUID:vm-sign-off-due-" + reference + "@vienna-mechanism\r\n",
            "\r\nDTSTART:20211117T170000Z\r\n", "\r\nDTEND:20211117T171500Z\r\n",
            "\r\nSUMMARY:Co-signing deadline: " + reference + " (Belarus)\r\n");
      });
    });
    assertThat(inMailbox("delegation-fr@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.to()).containsExactly("delegation-fr@example.org");
      assertThat(lines(mail)).startsWith("To the heads of the delegation of France\n")
          .contains(TASKLIST + "#/?task=task-fr\n").doesNotContain("task-de", "Germany");
    });
    assertThat(copiesPerMessageId()).hasSize(2);
  }

  @Test
  void anInvitationSentAfterItsDeadlineSaysThatTheDeadlineHasPassed() {
    clockAt(NOW);
    String reference = newCase();
    Instant signOffDue = NOW.plus(Duration.ofHours(1));
    notices.invitedToCoSign(invitation(reference, "DE", signOffDue));
    smtp.stop();
    assertThat(dispatcher.dispatchDue()).isZero();

    // The mail server comes back after the deadline.
    clockAt(signOffDue.plus(Duration.ofMinutes(20)));
    smtp.start();
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(inMailbox("delegation-de@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Invitation to co-sign (deadline passed): " + reference + " (Belarus)");
      assertThat(Fixtures.normalise(mail.text())).startsWith("To the heads of the delegation of Germany Sent late:"
              + " the sign-off deadline, 16 November 2021, 10:30 Vienna time (CET), passed before this invitation"
              + " could be sent. The co-signing round closes at the deadline, and a delegation that had not decided"
              + " by then is recorded as not joining.")
          .contains("The United Kingdom invited your delegation to co-sign",
              "Lead State: United Kingdom", "Addressed to: Belarus", "Subject: Human rights in Belarus",
              "Deadline: 16 November 2021, 10:30 Vienna time (CET), passed",
              "\"Decide on co-signing\" in Camunda Tasklist, if it is still open: " + TASKLIST + "#/?task=task-de")
          .doesNotContain("Decide by", "Please decide");
    });
    assertThat(only(reference, CaseNotices.CO_SIGNING_INVITATION).sentAt()).isAfter(signOffDue);
  }

  @Test
  void eachNoticeGoesToWhomCaseNoticesNamesWithItsWordsAndItsCalendarEntry() {
    clockAt(NOW);
    String reference = newCase();
    String label = label(reference);
    List<String> signatories = List.of("GB", "DE", "FR");
    notices.deadlinePassed(new ResponseDeadlinePassed(reference, label, signatories, DUE));
    notices.responseReceived(new ResponseRecorded(reference, label, signatories, false, 3));
    // The addressee asks: the signatories are told, nobody else.
    notices.meetingRequested(new MeetingRequested(reference, label, signatories, "BY", "BY", 7, MEETING_TARGET));
    notices.meetingTargetPassed(new MeetingTargetPassed(reference, label, signatories, 7, MEETING_TARGET));
    notices.meetingArranged(new MeetingArranged(reference, label, signatories, 7, MEETING_AT,
        "Permanent Mission of the United Kingdom; Vienna"));
    notices.caseClosed(new CaseClosed(reference, label, signatories,
        List.of(FollowUpAction.PERMANENT_COUNCIL_STATEMENT, FollowUpAction.MOSCOW_MECHANISM)));

    assertThat(dispatcher.dispatchDue()).isEqualTo(6 * 3);
    List<String> signatoryAddresses = List.of("delegation-gb@example.org", "delegation-de@example.org",
        "delegation-fr@example.org");
    Map<String, List<ReceivedMail>> bySubject = received().stream().collect(Collectors.groupingBy(ReceivedMail::subject));
    assertThat(bySubject).hasSize(6).allSatisfy((subject, mails) -> {
      // Each signatory gets a message of its own, with no other delegation on it.
      assertThat(mails).as(subject).hasSize(3).allSatisfy(mail -> assertThat(mail.to()).hasSize(1))
          .flatExtracting(ReceivedMail::to).containsExactlyInAnyOrderElementsOf(signatoryAddresses);
      assertThat(mails).extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
    });

    assertThat(bySubject.get("Response deadline passed: " + label)).allSatisfy(mail -> {
      assertThat(mail.text()).contains("No written response was registered by the deadline, "
          + "15 November 2021, 23:59 Vienna time (CET)", "A late response will still be accepted and recorded as late.");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> {
        assertThat(ics.fileName()).isEqualTo("response-deadline-" + reference + ".ics");
        assertThat(ics.contentType()).startsWith("text/calendar").contains("method=publish");
        // Due by the end of 15 November in Vienna: the whole of that day, from its start to the next day's.
        assertThat(ics.text()).startsWith("BEGIN:VCALENDAR\r\n").contains(
            "\r\nUID:vm-response-due-" + reference + "@vienna-mechanism\r\n",
            "\r\nDTSTAMP:20211116T083000Z\r\n",
            "\r\nDTSTART;VALUE=DATE:20211115\r\n",
            "\r\nDTEND;VALUE=DATE:20211116\r\n",
            "\r\nSUMMARY:Response due: " + label + "\r\n").endsWith("END:VCALENDAR\r\n");
      });
    });

    assertThat(bySubject.get("Response received: " + label)).allSatisfy(mail -> {
      assertThat(mail.text()).contains("has been received 3 day(s) late", "assessed question by question");
      assertThat(mail.attachments()).isEmpty();
    });

    assertThat(bySubject.get("Bilateral meeting requested: " + label)).allSatisfy(mail -> {
      assertThat(mail.text()).startsWith("Belarus requested a bilateral meeting")
          .contains("by 23 November 2021, 23:59 Vienna time (CET)");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> {
        assertThat(ics.fileName()).isEqualTo("meeting-target-" + reference + "-7.ics");
        // The target is the end of 23 November: that day, with a start and an end, not a moment at 23:59:59.
        assertThat(ics.text()).contains("\r\nUID:vm-meeting-target-" + reference + "-7@vienna-mechanism\r\n",
            "\r\nSEQUENCE:0\r\n", "\r\nDTSTART;VALUE=DATE:20211123\r\n", "\r\nDTEND;VALUE=DATE:20211124\r\n")
            .doesNotContain("T225959Z");
      });
    });

    assertThat(bySubject.get("Bilateral meeting target passed: " + label)).allSatisfy(mail -> {
      assertThat(mail.text()).contains("not held within one week", "no outcome was recorded by the target,"
          + " 23 November 2021, 23:59 Vienna time (CET)");
      // The same calendar entry as the request's, revised.
      assertThat(mail.attachments()).singleElement().satisfies(ics -> assertThat(ics.text()).contains(
          "\r\nUID:vm-meeting-target-" + reference + "-7@vienna-mechanism\r\n", "\r\nSEQUENCE:1\r\n",
          "\r\nDTSTART;VALUE=DATE:20211123\r\n", "\r\nDTEND;VALUE=DATE:20211124\r\n"));
    });

    assertThat(bySubject.get("Bilateral meeting arranged: " + label)).allSatisfy(mail -> {
      assertThat(mail.text()).contains("arranged for 25 November 2021, 14:30 Vienna time (CET) at Permanent Mission"
          + " of the United Kingdom; Vienna");
      // The meeting at its time and place, for an hour.
      assertThat(mail.attachments()).singleElement().satisfies(ics -> {
        assertThat(ics.fileName()).isEqualTo("meeting-" + reference + "-7.ics");
        assertThat(ics.text()).contains("\r\nUID:vm-meeting-" + reference + "-7@vienna-mechanism\r\n",
            "\r\nDTSTART:20211125T133000Z\r\n", "\r\nDTEND:20211125T143000Z\r\n",
            "\r\nSUMMARY:Bilateral meeting: " + label + "\r\n",
            "\r\nLOCATION:Permanent Mission of the United Kingdom\\; Vienna\r\n");
      });
    });

    assertThat(bySubject.get("Case closed: " + label)).allSatisfy(mail -> {
      assertThat(mail.text()).contains("The case " + label + " is closed.",
          "a statement at the Permanent Council; the Moscow Mechanism.");
    });

    // One message per recipient and notice, each with its own Message-ID, once.
    assertThat(received()).hasSize(6 * 3);
    assertThat(copiesPerMessageId()).hasSize(6 * 3).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1L));
    assertThat(outbox.of(reference)).hasSize(6 * 3)
        .allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationOutbox.SENT));
  }

  @Test
  void theAddresseeIsAskedForAMeetingTheInvokingSideRequestsAndAMeetingSetAfterItsTargetIsFlagged() {
    clockAt(NOW);
    String reference = newCase();
    String label = label(reference);
    List<String> signatories = List.of("GB", "DE");
    // A co-signatory asks (in Tasklist, over REST, or the lead at follow-up): Belarus's delegation is asked.
    notices.meetingRequested(new MeetingRequested(reference, label, signatories, "BY", "DE", 8, MEETING_TARGET));
    notices.meetingSetAfterTarget(new MeetingSetAfterTarget(reference, label, signatories, 8, MEETING_TARGET,
        MEETING_AT));

    assertThat(dispatcher.dispatchDue()).isEqualTo(2 + 1 + 2);
    Map<String, List<ReceivedMail>> bySubject = received().stream().collect(Collectors.groupingBy(ReceivedMail::subject));
    assertThat(bySubject.get("Request for a bilateral meeting: " + label)).singleElement().satisfies(mail -> {
      assertThat(mail.to()).containsExactly("delegation-by@example.org");
      assertThat(mail.text()).startsWith("Germany asks Belarus for a bilateral meeting")
          .contains("by 23 November 2021, 23:59 Vienna time (CET)", "agreed through diplomatic channels");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> assertThat(ics.text())
          .contains("\r\nUID:vm-meeting-target-" + reference + "-8@vienna-mechanism\r\n"));
    });
    assertThat(bySubject.get("Bilateral meeting requested: " + label)).flatExtracting(ReceivedMail::to)
        .containsExactlyInAnyOrder("delegation-gb@example.org", "delegation-de@example.org");
    assertThat(bySubject.get("Bilateral meeting set after its target: " + label)).hasSize(2).allSatisfy(mail -> {
      assertThat(mail.text()).contains("set for 25 November 2021, 14:30 Vienna time (CET), after its one-week target"
          + " of 23 November 2021, 23:59 Vienna time (CET)", "The target will be missed");
      assertThat(mail.attachments()).singleElement().satisfies(ics -> assertThat(ics.text()).contains(
          "\r\nUID:vm-meeting-target-" + reference + "-8@vienna-mechanism\r\n", "\r\nSEQUENCE:1\r\n"));
    });
  }

  @Test
  void whileTheMailServerIsDownNothingIsLostAndEachMessageGoesOnceWhenItIsBack() {
    clockAt(NOW);
    String reference = newCase();
    String label = label(reference);
    notices.invitedToCoSign(invitation(reference, "DE", NOW.plus(Duration.ofDays(5))));
    notices.invitedToCoSign(invitation(reference, "FR", NOW.plus(Duration.ofDays(5))));
    notices.deadlinePassed(new ResponseDeadlinePassed(reference, label, List.of("GB", "DE"), DUE));
    notices.caseClosed(new CaseClosed(reference, label, List.of("GB"), List.of()));
    assertThat(outbox.of(reference)).hasSize(5);
    smtp.stop();

    // A pass stops at the first message the server cannot be reached for: the others are not tried in vain.
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(outbox.of(reference)).extracting(Notification::attempts).containsExactly(1, 0, 0, 0, 0);
    for (int pass = 2; pass <= 5; pass++) {
      assertThat(dispatcher.dispatchDue()).isZero();
    }
    assertThat(outbox.of(reference)).hasSize(5).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationOutbox.PENDING);
      assertThat(n.attempts()).isEqualTo(1);
      assertThat(n.lastError()).isNotBlank();
      assertThat(n.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
    });
    assertThat(dispatcher.dispatchDue()).as("nothing is due during the back-off").isZero();
    assertThat(notificationsHealth()).contains("\"status\":\"DELAYED\"", "\"pending\":5", "\"failed\":5",
        "\"oldestPendingAge\":\"PT0S\"");
    // A mail server that is down does not take the application out of service.
    ResponseEntity<String> overall = rest.withBasicAuth(adminId, adminPassword).getForEntity("/actuator/health", String.class);
    assertThat(overall.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(overall.getBody()).startsWith("{\"status\":\"UP\"").contains("\"notifications\":{\"description\":\"Messages are waiting to be retried\",\"status\":\"DELAYED\"");

    // The back-off doubles (30 s, 60 s) and stops at max-retry (1 min): never longer.
    Instant at = NOW;
    for (Duration wait : List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60))) {
      at = at.plus(wait);
      clockAt(at);
      for (int pass = 1; pass <= 5; pass++) {
        assertThat(dispatcher.dispatchDue()).isZero();
      }
    }
    Instant lastAttempt = at;
    assertThat(outbox.of(reference)).allSatisfy(n -> {
      assertThat(n.attempts()).isEqualTo(4);
      assertThat(n.nextAttemptAt()).isEqualTo(lastAttempt.plus(Duration.ofMinutes(1)));
    });

    // The server is back just after the last attempt: every message goes within max-retry + interval.
    smtp.start();
    assertThat(dispatcher.dispatchDue()).as("still waiting out the back-off").isZero();
    Instant next = lastAttempt.plus(Duration.ofMinutes(1));
    clockAt(next);
    assertThat(dispatcher.dispatchDue()).isEqualTo(5);
    clockAt(NOW.plus(Duration.ofDays(1)));
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(outbox.of(reference)).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationOutbox.SENT);
      assertThat(n.attempts()).isEqualTo(5);
      assertThat(n.sentAt()).isEqualTo(next);
    });
    assertThat(Duration.between(lastAttempt, next)).isLessThanOrEqualTo(settings.dispatch().longestWaitOnceServerIsBack());
    // Each message once, to its one recipient.
    assertThat(received()).hasSize(5).allSatisfy(mail -> assertThat(mail.to()).hasSize(1));
    assertThat(copiesPerMessageId()).hasSize(5).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1L));
    assertThat(inMailbox("delegation-de@example.org")).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
        "Invitation to co-sign: " + label, "Response deadline passed: " + label);
    assertThat(inMailbox("delegation-fr@example.org")).extracting(ReceivedMail::subject).containsExactly(
        "Invitation to co-sign: " + label);
    assertThat(inMailbox("delegation-gb@example.org")).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
        "Response deadline passed: " + label, "Case closed: " + label);
    assertThat(notificationsHealth()).contains("\"status\":\"UP\"", "\"pending\":0", "\"failed\":0");
  }

  @Test
  void aMessageWhoseSenderDiedBetweenSendingAndRecordingGoesAgainWithTheSameMessageId() {
    clockAt(NOW);
    String reference = newCase();
    notices.caseClosed(new CaseClosed(reference, label(reference), List.of("GB"), List.of()));
    Notification notice = only(reference, CaseNotices.CASE_CLOSED);

    // A sender claims the row and the server accepts the message; the sender dies before recording it.
    NotificationOutbox.Due due = outbox.due(NOW, Duration.ofMinutes(5), 10).get(0);
    List<Notification> claimed = outbox.claim(List.of(due), NOW);
    assertThat(claimed).hasSize(1);
    assertThat(outbox.claim(due, NOW)).as("a row is claimed once").isFalse();
    String messageId = claimed.get(0).messageId();
    assertThat(messageId).isEqualTo("<vm-notification-" + notice.id() + "@vienna-mechanism>");
    mailer.send(new SmtpMailer.Mail(messageId, notice.recipient(), notice.subject(), notice.body(), List.of()));

    assertThat(dispatcher.dispatchDue()).as("the claim is still held").isZero();
    clockAt(NOW.plus(Duration.ofMinutes(5)));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(only(reference, CaseNotices.CASE_CLOSED)).satisfies(n -> {
      assertThat(n.status()).isEqualTo(NotificationOutbox.SENT);
      assertThat(n.attempts()).isEqualTo(2);
    });
    // At least once: the receiver has two copies, recognisable as one message by their Message-ID.
    assertThat(inMailbox("delegation-gb@example.org")).hasSize(2).extracting(ReceivedMail::messageId)
        .containsOnly(messageId);
  }

  @Test
  void healthShowsAnEmptyOutboxAsUp() {
    assertThat(notificationsHealth()).contains("\"status\":\"UP\"", "\"pending\":0", "\"failed\":0")
        .doesNotContain("oldestPendingAge");
  }

  private String notificationsHealth() {
    ResponseEntity<String> health = rest.withBasicAuth(adminId, adminPassword).getForEntity("/actuator/health/outbox",
        String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    return health.getBody();
  }
}
