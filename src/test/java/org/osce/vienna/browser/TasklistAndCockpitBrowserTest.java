package org.osce.vienna.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.engine.ProcessConstants.*;
import static org.osce.vienna.support.CaseDriver.head;
import static org.osce.vienna.support.CaseDriver.json;
import static org.osce.vienna.support.CaseDriver.jsonList;
import static org.osce.vienna.support.CaseDriver.officer;
import static org.osce.vienna.support.CaseDriver.vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.osce.vienna.casefile.CaseRecords;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.DeliveryChannel;
import org.osce.vienna.casefile.Documents;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.followup.FollowUps;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.signoff.SignOffDecision;
import org.osce.vienna.signoff.Signatories;
import org.osce.vienna.support.CaseDriver;
import org.osce.vienna.support.Fixtures;
import org.osce.vienna.support.ReceivedMail;
import org.osce.vienna.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Officers, heads and a manager, in a real browser, as they will use the application: the embedded
 * demo (demo users, the 2021 case) on H2 in memory, with the job executor on.
 *
 * <p>The GB officer starts a case from Tasklist's start form and drafts the letter; the GB head
 * approves; the heads of Germany, France and the United States decide (two join, one declines with a
 * comment), and the administrator has Norway, which has no users, join; the GB head delivers it by hand and asks for a bilateral meeting from Tasklist; the GB
 * officer arranges the meeting and records it, registers and assesses the response; the GB head
 * decides the follow-up and the case closes. The German officer never sees the case. A manager finds a
 * second case in Cockpit by its reference, with the incident of its letter by e-mail while the mail
 * server is down; she may not retry it, the administrator does once the server is back.
 *
 * <p>Each step leaves a screenshot in {@code target/screenshots}. Runs with {@code ./mvnw -Pbrowser verify}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
    "vienna.demo.enabled=true",
    // The job executor looks for due jobs often, so the walkthrough need not wait long.
    "camunda.bpm.job-execution.wait-time-in-millis=500",
    "camunda.bpm.job-execution.max-wait=2000",
    "vienna.mail.dispatch.interval=2s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistAndCockpitBrowserTest {

  static final String REFERENCE = "VM-2026-RU-01";
  static final String CASE_SUBJECT = "Detained journalists in the Russian Federation";
  static final String LABEL = REFERENCE + " (Russian Federation)";
  /** The second case, whose letter by e-mail fails while the mail server is down. */
  static final String FAILING = "VM-2026-BY-02";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** The forms' times are Vienna time, whatever the browser's zone: the users type the time of Vienna. */
  static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

  /** The SMTP server the application sends to; stopped for a while to make the e-mail delivery fail. */
  static GreenMail smtp = newSmtpServer();

  static GreenMail newSmtpServer() {
    ServerSetup setup = new ServerSetup(TestSmtp.PORT, TestSmtp.HOST, ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(10_000);
    return new GreenMail(setup);
  }

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  CaseRecords cases;
  @Autowired
  Signatories signatories;
  @Autowired
  Meetings meetings;
  @Autowired
  FollowUps followUps;
  @Autowired
  Timeline timeline;
  @Autowired
  Documents documents;

  Browser browser;

  @BeforeAll
  void openBrowser() {
    assertThat(Browser.available()).as("Chromium at %s and chromedriver at %s (Debian: chromium, chromium-driver)",
        Browser.CHROMIUM, Browser.CHROMEDRIVER).isTrue();
    smtp.start();
    browser = new Browser("http://localhost:" + port, SCREENSHOTS);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    smtp.stop();
  }

  // ---------------------------------------------------------------- the walkthrough

  @Test
  @Order(1)
  void theGbOfficerSeesHerDelegationsFiltersAndTheDemoCaseWithItsColumns() {
    browser.login("tasklist", "officer-gb");
    browser.filter("My delegation's tasks");
    String filters = browser.textOf(By.cssSelector(".task-filters"));
    assertThat(filters).contains("My tasks", "My delegation's tasks", "Due within 3 days")
        .doesNotContain("Cases awaiting a response", "Overdue responses");
    // The list's columns: the case, its subject and the addressee, read from the task.
    assertThat(browser.taskList()).anySatisfy(entry -> assertThat(entry)
        .contains("Draft the letter — VM-2021-BY-01 (Belarus)")
        .contains("Human rights situation in Belarus", "BY"));
    browser.shot("01-tasklist-officer-gb");
  }

  @Test
  @Order(2)
  void theGbOfficerStartsACaseFromTheStartForm() {
    browser.startProcess("Vienna Mechanism invocation");
    // Her own delegation is the lead already (she may change it).
    assertThat(browser.shown("Field_LeadDelegation")).isEqualTo("United Kingdom");
    browser.type("Field_Reference", REFERENCE);
    browser.select("Field_AddresseeState", "Russian Federation");
    browser.type("Field_Subject", CASE_SUBJECT);
    browser.shot("02-start-case");
    assertThat(browser.submitStart()).contains("The process has been started.");
    assertThat(browser.notifications()).contains("Started for case " + REFERENCE);

    assertThat(cases.get(REFERENCE).status()).isEqualTo(CaseStatus.DRAFTING);
    assertThat(cases.get(REFERENCE).startedBy()).isEqualTo("officer-gb");
    browser.filter("My delegation's tasks");
    assertThat(browser.taskList()).anySatisfy(entry -> assertThat(entry).contains("Draft the letter — " + LABEL));
  }

  @Test
  @Order(3)
  void sheDraftsAShortLetterAndInvitesThreeDelegations() {
    browser.openTask("Draft the letter — " + LABEL);
    // The States' names come from the case's variables (participatingStates, stateNamesInText).
    assertThat(browser.text()).contains(CASE_SUBJECT, "a request for information to the Russian Federation.");
    browser.type("Field_AddresseeHonorific", "His Excellency");
    browser.type("Field_AddresseeName", "Mr. Alexander Lukashevich");
    browser.type("Field_AddresseeTitle", "Ambassador, Permanent Representative");
    browser.type("Field_AddresseeMission", "Permanent Mission of the Russian Federation to the OSCE");
    browser.type("Field_AddresseeSalutation", "Dear Ambassador,");
    browser.type("Field_IntroductionParagraph_0", "We write on behalf of the delegations listed below about "
        + "journalists detained in the Russian Federation.");
    browser.shot("03-draft-letter");
    browser.type("Field_ConcernTopic_0", "Freedom of the media");
    browser.type("Field_ConcernText_0", "At least twenty journalists remain in detention for their reporting.");
    browser.addListItem("List_Concerns");
    browser.type("Field_ConcernTopic_1", "Fair trial");
    browser.type("Field_ConcernText_1", "Their trials are held behind closed doors.");
    browser.type("Field_QuestionText_0", "How many journalists are detained, and on what charges?");
    browser.addListItem("List_Questions");
    browser.type("Field_QuestionText_1", "When will their trials be open to the public and to observers?");
    browser.tags("Field_InvitedDelegations", "Germany", "France", "United States of America", "Norway");
    browser.dateTime("Field_SignOffDueAt", LocalDateTime.now(VIENNA).plusDays(3).withHour(17).withMinute(0));
    browser.shot("04-draft-letter-filled");
    browser.complete();

    awaitTask(REFERENCE, TASK_APPROVE_DRAFT);
    assertThat(openTasks(REFERENCE, TASK_DRAFT_LETTER)).isEmpty();
  }

  @Test
  @Order(4)
  void theGbHeadApprovesTheDraft() {
    browser.login("tasklist", "head-gb");
    browser.filter("My delegation's tasks");
    browser.openTask("Approve the draft — " + LABEL);
    assertThat(browser.text()).contains("Freedom of the media", "Fair trial",
        "When will their trials be open to the public and to observers?",
        "a request for information to the Russian Federation.",
        "Invited to co-sign (4): Germany, France, the United States, Norway.");
    browser.option("Field_DraftApproved", 0);
    browser.shot("05-approve-draft");
    browser.complete();

    await("four co-signing tasks", () -> openTasks(REFERENCE, TASK_DECIDE_CO_SIGNING).size() == 4);
  }

  @Test
  @Order(5)
  void theInvitedHeadsDecideTwoJoinOneDeclinesAndTheAdministratorJoinsForNorway() {
    decideCoSigning("de", true, null, "France: has not decided yet", "Germany: has not decided yet",
        "Norway: has not decided yet", "United States of America: has not decided yet",
        "on behalf of the following delegation: the United Kingdom.");
    decideCoSigning("fr", true, null, "France: has not decided yet", "Germany: joined on ",
        "Norway: has not decided yet", "United States of America: has not decided yet",
        "on behalf of the following delegations: Germany and the United Kingdom.");
    decideCoSigning("us", false, "We raise these concerns bilaterally for now.", "France: joined on ",
        "Germany: joined on ", "Norway: has not decided yet", "United States of America: has not decided yet");
    // Norway has no users here: the administrator acts for it, from her filter of all open tasks.
    browser.login("tasklist", "demo");
    browser.filter("All open tasks");
    assertThat(browser.taskList()).anySatisfy(entry -> assertThat(entry)
        .contains("Decide on co-signing — " + LABEL).containsPattern("For delegation:\\s+NO"));
    browser.openTask("Decide on co-signing — " + LABEL);
    assertThat(browser.text()).contains("invites the delegation of Norway to co-sign");
    browser.option("Field_CoSigns", 0);
    browser.shot("06-co-signing-no-by-the-administrator");
    browser.complete();

    awaitTask(REFERENCE, TASK_SIGN_AND_DELIVER);
    assertThat(signatories.of(REFERENCE)).filteredOn(s -> s.stateCode().equals("US")).singleElement()
        .satisfies(us -> {
          assertThat(us.decision()).isEqualTo(SignOffDecision.DECLINED);
          assertThat(us.comment()).isEqualTo("We raise these concerns bilaterally for now.");
          assertThat(us.decidedBy()).isEqualTo("head-us");
        });
    assertThat(signatories.of(REFERENCE)).filteredOn(s -> s.stateCode().equals("NO")).singleElement()
        .satisfies(no -> assertThat(no.decidedBy()).isEqualTo("demo"));
    assertThat(signatories.signing(REFERENCE)).containsExactlyInAnyOrder("GB", "DE", "FR", "NO");
  }

  private void decideCoSigning(String code, boolean joins, String comment, String... soFar) {
    browser.login("tasklist", "head-" + code);
    browser.filter("My delegation's tasks");
    // An invited head sees her own decision to take, not the lead's tasks.
    assertThat(browser.taskList()).noneSatisfy(entry -> assertThat(entry).contains("Approve the draft"));
    browser.openTask("Decide on co-signing — " + LABEL);
    assertThat(browser.text()).contains("the United Kingdom invites the delegation of "
        + Map.of("de", "Germany", "fr", "France", "us", "the United States").get(code) + " to co-sign");
    // The form links to the whole letter as it will read, which opens with her Tasklist login.
    String asItWillRead = browser.driver().findElement(By.linkText("Read the whole letter as it will read"))
        .getDomAttribute("href");
    assertThat(asItWillRead).isEqualTo("/api/cases/" + REFERENCE + "/letter/preview");
    // Who is invited and who has decided so far, and the whole letter as it will read, in the form.
    assertThat(browser.textOf(By.cssSelector(".fjs-form")))
        .contains("Invited to co-sign, and their decisions so far").contains(soFar);
    if (code.equals("us")) {
      browser.scrollTo(By.xpath("//*[contains(text(), 'Invited to co-sign, and their decisions so far')]"));
      browser.shot("06-co-signing-who-decided-so-far");
    }
    assertThat(browser.textOf(By.cssSelector(".fjs-form .vm-letter"))).contains("His Excellency",
        "Dear Ambassador,", "(ii) Fair trial: Their trials are held behind closed doors.",
        "When will their trials be open to the public and to observers?");
    browser.option("Field_CoSigns", joins ? 0 : 1);
    if (comment != null) {
      browser.type("Field_CoSignComment", comment);
    }
    browser.shot("06-co-signing-" + code);
    browser.complete();
    assertThat(browser.notifications()).doesNotContainIgnoringCase("error");
    if (code.equals("de")) {
      browser.go(asItWillRead);
      assertThat(browser.text()).contains("Draft: the letter as it will read", "His Excellency",
          "on behalf of the following delegations: Germany and the United Kingdom.",
          "(i) Freedom of the media: At least twenty journalists remain in detention for their reporting.");
      browser.shot("06-letter-as-it-will-read-de");
    }
  }

  @Test
  @Order(6)
  void theGbHeadDeliversTheLetterByHand() {
    browser.login("tasklist", "head-gb");
    browser.filter("My delegation's tasks");
    browser.openTask("Sign and deliver the letter — " + LABEL);
    assertThat(browser.text()).contains("France, Germany, Norway, and the United Kingdom");
    // Every decline, with its comment for the lead.
    assertThat(browser.textOf(By.cssSelector(".fjs-form"))).contains("Declined to co-sign",
        "United States of America: We raise these concerns bilaterally for now.");
    // The final letter, as composed, inside the form: she reads what she signs.
    String letter = browser.textOf(By.cssSelector(".fjs-form .vm-letter"));
    assertThat(letter).contains("His Excellency", "Mr. Alexander Lukashevich", "Dear Ambassador,",
        "This letter is being sent to you on behalf of the following delegations: France, Germany, Norway, and the"
            + " United Kingdom.",
        "(i) Freedom of the media: At least twenty journalists remain in detention for their reporting.",
        "(ii) Fair trial: Their trials are held behind closed doors.",
        "When will their trials be open to the public and to observers?");
    browser.scrollTo(By.cssSelector(".fjs-form .vm-letter"));
    browser.shot("07-sign-and-deliver-the-letter-in-the-form");
    // Its PDF opens with her Tasklist login (the form's link; the browser's own request, its session cookie).
    String pdf = browser.driver().findElement(By.linkText("Open the final letter as PDF")).getDomAttribute("href");
    assertThat(pdf).isEqualTo("/api/cases/" + REFERENCE + "/letter.pdf");
    assertThat(browser.fetch(pdf)).isEqualTo("200 application/pdf");
    browser.option("Field_DeliveryChannel", 1);
    LocalDateTime handedOver = pastMinuteNotBefore(cases.get(REFERENCE).startedAt());
    // A date written in the other order (day and month swapped; a day after the 12th) is refused, not rolled
    // over into another date; "Complete" stays disabled meanwhile.
    String pattern = browser.datePattern("Field_DeliveredAt");
    String swapped = pattern.startsWith("dd") ? "MM/dd/yyyy" : "dd/MM/yyyy";
    LocalDateTime past = handedOver.withDayOfMonth(Math.max(13, handedOver.getDayOfMonth())).minusMonths(1);
    browser.typeDate("Field_DeliveredAt", past.format(DateTimeFormatter.ofPattern(swapped)));
    assertThat(browser.fieldErrors("Field_DeliveredAt"))
        .contains("is not a date written " + pattern.toLowerCase(), "is not a month", "4 November 2021");
    assertThat(browser.completeEnabled()).isFalse();
    browser.shot("07-sign-and-deliver-date-refused");
    browser.dateTime("Field_DeliveredAt", handedOver);
    assertThat(browser.fieldErrors("Field_DeliveredAt")).isEmpty();
    // The field shows the day she typed in its own way ("12/1/2026" for "12/01/2026": no leading zero), so it is
    // read back as a date, not compared as text.
    assertThat(LocalDate.parse(browser.dateShown("Field_DeliveredAt"),
        DateTimeFormatter.ofPattern(pattern.replace("MM", "M").replace("dd", "d")))).isEqualTo(handedOver.toLocalDate());
    // Publicity is her decision: the States informed (with the letter), and a statement at the Council on its day,
    // a date the form asks for only once she chooses the statement.
    assertThat(browser.driver().findElements(By.cssSelector("[id$='-Field_PermanentCouncilDate-date']"))).isEmpty();
    browser.option("Field_Announcements", 0);
    browser.option("Field_Announcements", 1);
    LocalDate council = handedOver.toLocalDate().plusDays(3);
    browser.typeDate("Field_PermanentCouncilDate", council.format(DateTimeFormatter.ofPattern(
        browser.datePattern("Field_PermanentCouncilDate"))));
    assertThat(browser.fieldErrors("Field_PermanentCouncilDate")).isEmpty();
    browser.shot("07-sign-and-deliver");
    browser.complete();

    awaitTask(REFERENCE, TASK_REGISTER_RESPONSE);
    await("the announcements made", () -> timeline.of(REFERENCE).stream().map(Timeline.Entry::event).toList()
        .containsAll(List.of("PARTICIPATING_STATES_INFORMED", "PERMANENT_COUNCIL_STATEMENT_ANNOUNCED")));
    assertThat(timeline.of(REFERENCE)).filteredOn(e -> e.event().equals("PERMANENT_COUNCIL_STATEMENT_ANNOUNCED"))
        .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("at the Permanent Council meeting of "
            + DateTimes.shownDay(council)));
    assertThat(cases.get(REFERENCE).deliveryChannel()).isEqualTo(DeliveryChannel.BY_HAND);
    // The typed date and time land as the moment she meant: that minute, Vienna time.
    assertThat(cases.get(REFERENCE).deliveredAt()).isEqualTo(handedOver.atZone(VIENNA).toInstant());
    assertThat(cases.get(REFERENCE).responseDueAt()).isNotNull();
  }

  @Test
  @Order(7)
  void theGbHeadAsksForABilateralMeetingFromTasklist() {
    // A reference of no case of hers: refused with the reason, nothing created.
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MEETING_REQUEST_PROCESS_KEY).count();
    browser.startProcess("Request a bilateral meeting");
    browser.type("Field_CaseReference", "VM-2021-BY-99");
    browser.submitStart();
    browser.shot("08-meeting-request-refused");
    assertThat(browser.readAndCloseNotification()).containsExactly("The process could not be started. :",
        "The case reference 'VM-2021-BY-99' names no case of the United Kingdom (as lead, signatory or addressee):"
            + " check the reference.");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MEETING_REQUEST_PROCESS_KEY).count()).isEqualTo(before);
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Close']"));

    browser.startProcess("Request a bilateral meeting");
    browser.type("Field_CaseReference", REFERENCE);
    browser.shot("09-meeting-request");
    browser.submitStart();

    awaitTask(REFERENCE, TASK_ARRANGE_BILATERAL_MEETING);
    assertThat(meetings.of(REFERENCE)).singleElement().satisfies(m -> assertThat(m.requestedBy()).isEqualTo("GB"));
  }

  @Test
  @Order(8)
  void theGbOfficerArrangesTheMeetingAndRecordsIt() {
    browser.login("tasklist", "officer-gb");
    browser.filter("My delegation's tasks");
    assertThat(browser.taskList()).anySatisfy(entry -> assertThat(entry)
        .contains("Arrange the bilateral meeting — " + LABEL));
    browser.openTask("Arrange the bilateral meeting — " + LABEL);
    assertThat(browser.text()).contains("with the Russian Federation.", "Requested by: the United Kingdom");
    // The meeting has just taken place (its outcome is taken once its time has come): this minute, at the mission.
    browser.dateTime("Field_MeetingScheduledFor", LocalDateTime.now(VIENNA).withSecond(0).withNano(0));
    browser.type("Field_MeetingPlace", "Permanent Mission of the United Kingdom, Vienna");
    browser.shot("10-arrange-meeting");
    browser.complete();

    awaitTask(REFERENCE, TASK_RECORD_MEETING_OUTCOME);
    browser.filter("My delegation's tasks");
    browser.openTask("Record the meeting outcome — " + LABEL);
    assertThat(browser.text()).contains("bilateral meeting with the Russian Federation, requested by the United Kingdom",
        "at Permanent Mission of the United Kingdom, Vienna");
    browser.option("Field_MeetingHeld", 0);
    browser.type("Field_MeetingOutcome", "The Russian Federation repeated its position; no information was given.");
    browser.complete();
    await("the meeting recorded", () -> Boolean.TRUE.equals(meetings.of(REFERENCE).get(0).held()));
  }

  @Test
  @Order(9)
  void sheRegistersTheResponseAndAssessesIt() {
    browser.filter("My delegation's tasks");
    browser.openTask("Register the response — " + LABEL);
    assertThat(browser.text()).contains("addressed to the Russian Federation.");
    browser.option("Field_ResponseReceived", 0);
    browser.type("Field_ResponseReference", "Note verbale No. 123/OSCE");
    browser.type("Field_ResponseSummary", "The Russian Federation rejects the concerns as interference in its "
        + "internal affairs and gives no figures.");
    // A date of receipt tomorrow: refused with one sentence that says what to change, in Vienna time.
    LocalDateTime tomorrow = LocalDateTime.now(VIENNA).plusDays(1).withHour(14).withMinute(5);
    browser.dateTime("Field_ResponseReceivedAt", tomorrow);
    browser.complete();
    String refusal = "The response's date of receipt cannot be in the future: " + DateTimeFormatter.ofPattern(
        "d MMMM yyyy, HH:mm 'Vienna time' (z)", Locale.ENGLISH).format(tomorrow.atZone(VIENNA)) + " is later than now.";
    browser.shot("11-register-response-refused");
    assertThat(browser.readAndCloseNotification())
        .containsExactly("An error happened while submitting the task form :", refusal);
    assertThat(openTasks(REFERENCE, TASK_REGISTER_RESPONSE)).hasSize(1);

    browser.dateTime("Field_ResponseReceivedAt", pastMinuteNotBefore(cases.get(REFERENCE).deliveredAt()));
    // The note verbale itself, a PDF, attached below the form: kept with the case at once, listed there.
    assertThat(browser.attach("REPLY", notePdf("note-verbale-123.pdf", "Note verbale No. 123/OSCE")))
        .isEqualTo("Attached to case " + REFERENCE + ": note-verbale-123.pdf.");
    assertThat(browser.textOf(By.cssSelector(".vf-attached"))).contains("note-verbale-123.pdf (the reply, or a file of it");
    assertThat(documents.of(REFERENCE)).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("note-verbale-123.pdf");
      assertThat(d.addedBy()).isEqualTo("officer-gb");
      assertThat(Fixtures.pdfText(documents.content(d))).contains("Note verbale No. 123/OSCE");
    });
    browser.shot("11-register-response");
    browser.complete();

    awaitTask(REFERENCE, TASK_ASSESS_RESPONSE);
    browser.filter("My delegation's tasks");
    browser.openTask("Assess the response — " + LABEL);
    assertThat(browser.text()).contains("How many journalists are detained, and on what charges?",
        "The Russian Federation rejects the concerns",
        "reply of the Russian Federation (reference Note verbale No. 123/OSCE)");
    browser.option("Field_QuestionAssessment_0", 1);
    browser.option("Field_QuestionAssessment_1", 2);
    browser.option("Field_ResponseSubstantive", 1);
    browser.shot("12-assess-response");
    browser.complete();

    awaitTask(REFERENCE, TASK_DECIDE_FOLLOW_UP);
    assertThat(cases.get(REFERENCE).responseStatus()).isEqualTo(ResponseStatus.ON_TIME);
    assertThat(cases.get(REFERENCE).responseSubstantive()).isFalse();
  }

  @Test
  @Order(10)
  void theGbHeadDecidesTheFollowUpAndTheCaseCloses() {
    browser.login("tasklist", "head-gb");
    browser.filter("My delegation's tasks");
    browser.openTask("Decide on follow-up — " + LABEL);
    assertThat(browser.text()).contains("Escalate to the Moscow Mechanism", "addressed to the Russian Federation.");
    browser.option("Field_FollowUpActions", 0);
    browser.shot("13-decide-follow-up");
    browser.complete();

    await("the case closed", () -> cases.get(REFERENCE).status() == CaseStatus.CLOSED, () -> whereIs(REFERENCE));
    browser.filter("My delegation's tasks");
    assertThat(browser.taskList()).noneSatisfy(entry -> assertThat(entry).contains(REFERENCE));
    browser.shot("14-case-closed-tasklist");

    // What the delegations read: the notice that the case is closed.
    await("the closing notice sent", () -> ReceivedMail.all(smtp.getReceivedMessages()).stream()
        .anyMatch(m -> m.to().contains("delegation-gb@example.org") && m.text().contains("The case " + LABEL + " is closed")));
    // And the case's records.
    var c = cases.get(REFERENCE);
    assertThat(c.closedAt()).isNotNull();
    assertThat(followUps.of(REFERENCE)).containsExactly(FollowUpAction.PERMANENT_COUNCIL_STATEMENT);
    assertThat(meetings.of(REFERENCE)).singleElement().satisfies(m -> {
      assertThat(m.held()).isTrue();
      assertThat(m.place()).isEqualTo("Permanent Mission of the United Kingdom, Vienna");
      assertThat(m.outcome()).startsWith("The Russian Federation repeated its position");
    });
    assertThat(timeline.of(REFERENCE)).extracting(Timeline.Entry::event).contains("CASE_STARTED", "DRAFT_SUBMITTED",
        "CO_SIGNING_JOINED", "CO_SIGNING_DECLINED", "LETTER_DELIVERED", "MEETING_REQUEST_SUBMITTED", "MEETING_REQUESTED",
        "RESPONSE_RECEIVED", "RESPONSE_ASSESSED", "FOLLOW_UP_DECIDED", "CASE_CLOSED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE).count())
        .isZero();
  }

  @Test
  @Order(11)
  void theGermanOfficerNeverSeesTheGbCasesTasks() {
    String other = "VM-2026-RU-03";
    ProcessInstance open = new CaseDriver(engine).start(other, "GB", "RU", "Another GB case");
    browser.login("tasklist", "officer-de");
    String filters = browser.textOf(By.cssSelector(".task-filters"));
    assertThat(filters).contains("My tasks", "My delegation's tasks", "Due within 3 days");
    browser.filter("My delegation's tasks");
    assertThat(browser.taskList()).noneSatisfy(entry -> assertThat(entry).containsAnyOf("VM-2026-RU", "VM-2021-BY-01"));
    browser.shot("15-officer-de-sees-no-gb-task");
    // Nor by the task's own address.
    String gbTask = openTasks(other, TASK_DRAFT_LETTER).get(0).getId();
    browser.go("/camunda/app/tasklist/default/#/?task=" + gbTask);
    browser.shot("15-officer-de-opens-a-gb-task-by-its-address");
    assertThat(browser.text()).doesNotContain("Draft the letter — " + other);
    assertThat(browser.driver().findElements(By.cssSelector(".fjs-form"))).as("a task form").isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(open.getId()).count()).isEqualTo(1);
  }

  @Test
  @Order(12)
  void theManagerSeesHerFiltersButNoStartForm() {
    browser.login("tasklist", "manager");
    String filters = browser.textOf(By.cssSelector(".task-filters"));
    assertThat(filters).contains("Cases awaiting a response", "Overdue responses").doesNotContain("My delegation's tasks");
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
    Browser.pause(1500);
    assertThat(browser.textOf(By.cssSelector(".modal-content"))).doesNotContain("Vienna Mechanism invocation");
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Close']"));
  }

  // ---------------------------------------------------------------- Cockpit: the cases, closed ones too

  @Test
  @Order(13)
  void theManagerFindsTheClosedCaseInCockpitsCasesAndReadsItsTimeline() {
    browser.login("cockpit", "manager");
    browser.click(By.xpath("//*[contains(@class,'Header')]//a[normalize-space(.)='Cases']"));
    browser.waitVisible(By.cssSelector(".vm-cases-table"));
    // Every case she may see, running and closed: the demo's two (live and recorded), the German officer's
    // step's, the walkthrough's.
    assertThat(browser.textOf(By.cssSelector(".vm-cases-table"))).contains("VM-2021-BY-01", "VM-2021-BY-PAST",
        "VM-2026-RU-03", REFERENCE);
    browser.choose("vm-filter-status", "CLOSED");
    browser.choose("vm-filter-lead", "GB");
    browser.choose("vm-filter-addressee", "RU");
    browser.choose("vm-filter-year", String.valueOf(cases.get(REFERENCE).startedAt().atZone(ZoneId.of("Europe/Vienna"))
        .getYear()));
    String list = browser.textOf(By.cssSelector(".vm-cases-table"));
    assertThat(list).contains(REFERENCE, CASE_SUBJECT, "Closed", "on time").doesNotContain("VM-2021-BY-01",
        "VM-2021-BY-PAST", "VM-2026-RU-03");
    assertThat(browser.text()).contains("1 of 4 cases");
    browser.shot("20-cockpit-cases-closed");

    browser.click(By.linkText(REFERENCE));
    browser.waitVisible(By.cssSelector(".vm-timeline"));
    String page = browser.text();
    assertThat(page).contains(CASE_SUBJECT, "Closed", "Signed by", "GB, FR, DE, NO", "Declined", "US",
        "Response due", "Meeting 1 target", "at Permanent Mission of the United Kingdom, Vienna, held", "received",
        "on time", "Permanent council statement");
    browser.shot("21-cockpit-case");
    assertThat(browser.textOf(By.cssSelector(".vm-timeline"))).contains("Case started", "Co-signing declined",
        "Letter delivered", "Response received", "Meeting recorded", "Follow-up decided", "Case closed",
        "officer-gb", "head-gb", "head-us");
    browser.scrollTo(By.xpath("//table[contains(@class,'vm-timeline')]/tbody/tr[last()]"));
    browser.shot("22-cockpit-case-timeline");
  }

  // ---------------------------------------------------------------- Cockpit: an incident

  @Test
  @Order(20)
  void theManagerFindsAFailingCaseInCockpitByItsReferenceWithItsIncident() {
    ProcessInstance failing = caseAwaitingDelivery(FAILING);
    smtp.stop();
    new CaseDriver(engine).complete(task(FAILING, TASK_SIGN_AND_DELIVER), "head-gb", head("GB"),
        vars(DELIVERY_CHANNEL, "EMAIL"));
    // The step fails (the mail server is down) and is retried a minute later; the administrator leaves it one
    // last try over the REST API, as an operator would rather than wait five minutes.
    await("the first failed attempt", () -> failedJob(failing) != null);
    Job job = failedJob(failing);
    assertThat(put("demo", "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 1)))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(put("demo", "/engine-rest/job/" + job.getId() + "/duedate", Collections.singletonMap("duedate", null)))
        .isEqualTo(HttpStatus.NO_CONTENT);
    await("the incident", () -> incidents(failing) == 1);

    browser.login("cockpit", "manager");
    browser.click(By.xpath("//a[normalize-space(.)='Processes']"));
    browser.click(By.xpath("//a[normalize-space(.)='Vienna Mechanism invocation']"));
    browser.searchBusinessKey(FAILING);
    // The running cases of the demo and of the German officer's step are not listed: only the one searched for.
    assertThat(browser.text()).contains(FAILING).doesNotContain("VM-2021-BY-01", "VM-2026-RU-03");
    browser.shot("16-cockpit-search-by-reference");

    browser.click(By.xpath("//td//a[contains(normalize-space(.), '" + failing.getId().substring(0, 8) + "')]"));
    browser.click(By.xpath("//a[normalize-space(.)='Incidents']"));
    browser.waitVisible(By.cssSelector("a[ng-click='openJobRetryDialog(incident)']"));
    assertThat(browser.text()).contains("Mail server connection failed", "Send the letter by e-mail");
    assertThat(browser.text()).contains("Business Key:", FAILING);
    browser.shot("17-cockpit-incident");
  }

  @Test
  @Order(21)
  void theManagerMayNotRetryIt() {
    browser.click(By.cssSelector("a[ng-click='openJobRetryDialog(incident)']"));
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Retry']"));
    awaitRetryAnswer();
    assertThat(browser.textOf(By.cssSelector(".modal-content")))
        .contains("could not be incremented successfully");
    browser.shot("18-cockpit-manager-may-not-retry");
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='OK']"));
    assertThat(incidents(processInstance(FAILING))).isEqualTo(1);
  }

  @Test
  @Order(22)
  void theAdministratorRetriesItOnceTheMailServerIsBack() {
    smtp = newSmtpServer();
    smtp.start();
    String id = processInstance(FAILING).getId();
    browser.login("cockpit", "demo");
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime?tab=incidents-tab");
    browser.click(By.cssSelector("a[ng-click='openJobRetryDialog(incident)']"));
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Retry']"));
    awaitRetryAnswer();
    assertThat(browser.textOf(By.cssSelector(".modal-content"))).contains("has been incremented successfully");
    browser.shot("19-cockpit-admin-retries");
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='OK']"));

    awaitTask(FAILING, TASK_REGISTER_RESPONSE);
    assertThat(incidents(processInstance(FAILING))).isZero();
    assertThat(cases.get(FAILING).deliveryChannel()).isEqualTo(DeliveryChannel.EMAIL);
    assertThat(ReceivedMail.all(smtp.getReceivedMessages())).anySatisfy(m -> {
      assertThat(m.to()).contains("mission-by@example.org");
      assertThat(m.attachments()).extracting(ReceivedMail.File::fileName).contains("letter-" + FAILING + ".pdf");
    });
  }

  @Test
  @Order(23)
  @SuppressWarnings("unchecked")
  void theManagerSeesTheRegistryAsChartsWithTheNumbersOfTheApi() throws Exception {
    JsonNode rows = new ObjectMapper().readTree(rest.withBasicAuth("manager", "manager")
        .getForObject("/api/statistics", String.class)).path("rows");
    assertThat(rows).as("the demo's recorded 2021 case and this walkthrough's").isNotEmpty();
    browser.login("cockpit", "manager");
    browser.click(By.xpath("//a[normalize-space(.)='Statistics']"));
    browser.waitVisible(By.cssSelector("#vm-chart-days"));
    assertThat(browser.text()).contains("Invocations per addressee and year", "How the replies came",
        "Median days from delivery to reply");
    // What each chart drew, as Chart.js holds it: the same numbers as the API's.
    Map<String, Object> drawn = (Map<String, Object>) browser.asyncScript("""
        const done = arguments[arguments.length - 1];
        const chartJs = window.Chart ? Promise.resolve(window.Chart) : new Promise(resolve => window.require([
            document.querySelector("base").getAttribute("app-root").replace(/\\/[^/]*$/, "")
                + "/webjars/chart.js/dist/chart.umd.min.js"], resolve));
        chartJs.then(Chart => {
          const totals = id => Object.fromEntries(Chart.getChart(id).data.datasets.map(d =>
              [d.label, d.data.reduce((a, b) => a + b, 0)]));
          const days = Chart.getChart("vm-chart-days").data;
          done({invocations: totals("vm-chart-invocations"), replies: totals("vm-chart-replies"),
              days: Object.fromEntries(days.labels.map((label, i) => [label, days.datasets[0].data[i]]))});
        });""");
    long invocations = 0;
    for (JsonNode row : rows) {
      invocations += row.path("invocations").asLong();
    }
    assertThat(((Map<String, Number>) drawn.get("invocations")).values().stream().mapToLong(Number::longValue).sum())
        .isEqualTo(invocations);
    assertThat((Map<String, Number>) drawn.get("replies")).containsEntry("Reply on time", sum(rows, "repliesOnTime"))
        .containsEntry("No reply", sum(rows, "noReply")).containsEntry("Reply awaited", sum(rows, "awaitingReply"));
    // The demo's 2021 letter, delivered on 4 November and answered on 12 November 2021.
    assertThat(((Map<String, Number>) drawn.get("days")).get("Belarus 2021").doubleValue()).isEqualTo(8.0);
    assertThat(browser.textOf(By.cssSelector(".vm-statistics-table"))).contains("Belarus 2021 1 1 0 0 0 8");
    browser.shot("24-cockpit-statistics");
  }

  private static long sum(JsonNode rows, String field) {
    long total = 0;
    for (JsonNode row : rows) {
      total += row.path(field).asLong();
    }
    return total;
  }

  // ---------------------------------------------------------------- a withdrawal, on a case of its own

  /** The case the lead withdraws from Tasklist (its letter waits for signature). */
  static final String WITHDRAWN = "VM-2026-BY-03";

  @Test
  @Order(30)
  void theGbHeadWithdrawsACaseFromTasklistAndEveryTaskOfItEnds() {
    caseAwaitingDelivery(WITHDRAWN);
    browser.login("tasklist", "head-gb");

    // A reference of no case of hers: refused in a sentence, nothing created.
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(WITHDRAWAL_PROCESS_KEY).count();
    browser.startProcess("Withdraw an invocation");
    browser.type("Field_Reference", "VM-2021-BY-99");
    browser.type("Field_Reason", "Overtaken by events.");
    browser.submitStart();
    assertThat(browser.readAndCloseNotification()).containsExactly("The process could not be started. :",
        "The case reference 'VM-2021-BY-99' names no case of the United Kingdom: check the reference.");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(WITHDRAWAL_PROCESS_KEY).count()).isEqualTo(before);
    browser.click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Close']"));

    browser.startProcess("Withdraw an invocation");
    browser.type("Field_Reference", WITHDRAWN);
    browser.type("Field_Reason", "The persons concerned were released on 20 November.");
    browser.shot("20-withdraw-invocation");
    assertThat(browser.submitStart()).contains("The process has been started.");
    assertThat(browser.notifications()).contains("Started for case " + WITHDRAWN);

    await("the case withdrawn", () -> cases.get(WITHDRAWN).status() == CaseStatus.WITHDRAWN
        && processInstance(WITHDRAWN) == null, () -> whereIs(WITHDRAWN));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(WITHDRAWN).count()).isZero();
    assertThat(timeline.of(WITHDRAWN)).last().satisfies(e -> {
      assertThat(e.event()).isEqualTo("INVOCATION_WITHDRAWN");
      assertThat(e.by()).isEqualTo("head-gb");
      assertThat(e.detail()).isEqualTo("The persons concerned were released on 20 November.");
    });
    browser.filter("My delegation's tasks");
    assertThat(browser.taskList()).noneSatisfy(entry -> assertThat(entry).contains(WITHDRAWN));
  }

  // ---------------------------------------------------------------- helpers

  /** Cockpit's retry dialog, once it shows the answer (a loaded machine takes seconds), whichever it is. */
  private void awaitRetryAnswer() {
    await("the retry's answer", () -> browser.textOf(By.cssSelector(".modal-content")).contains("incremented successfully"));
  }

  /** A one-page PDF saying {@code text}, as a scanned note verbale would come, in a folder of its own. */
  private static Path notePdf(String name, String text) {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      Path file = Files.createTempDirectory("vm-browser").resolve(name);
      pdf.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GB case to Belarus, Sweden joined, played through the engine's API up to "Sign and deliver". */
  private ProcessInstance caseAwaitingDelivery(String reference) {
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance pi = driver.start(reference, Map.of(LEAD_DELEGATION, "GB", ADDRESSEE_STATE, "BY",
        SUBJECT, "Human rights situation in Belarus", LETTER, json(Fixtures.letterJson()),
        INVITED_DELEGATIONS, jsonList(List.of("SE")), SIGN_OFF_DUE_AT, CaseDriver.inDays(2)));
    driver.complete(task(reference, TASK_DRAFT_LETTER), "officer-gb", officer("GB"), Map.of());
    driver.complete(task(reference, TASK_APPROVE_DRAFT), "head-gb", head("GB"), vars(DRAFT_APPROVED, true));
    awaitTask(reference, TASK_DECIDE_CO_SIGNING);
    driver.complete(task(reference, TASK_DECIDE_CO_SIGNING), "head-se", head("SE"), vars(CO_SIGNS, true));
    awaitTask(reference, TASK_SIGN_AND_DELIVER);
    return pi;
  }

  private List<Task> openTasks(String reference, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey).list();
  }

  private Task task(String reference, String taskKey) {
    List<Task> open = openTasks(reference, taskKey);
    assertThat(open).as("open %s of %s", taskKey, reference).hasSize(1);
    return open.get(0);
  }

  private void awaitTask(String reference, String taskKey) {
    await(taskKey + " of " + reference, () -> !openTasks(reference, taskKey).isEmpty(), () -> whereIs(reference));
  }

  private ProcessInstance processInstance(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(PROCESS_KEY).singleResult();
  }

  private Job failedJob(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).withException()
        .singleResult();
  }

  private long incidents(ProcessInstance instance) {
    return engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count();
  }

  private HttpStatus put(String user, String path, Map<String, Object> body) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, user)
        .exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class).getStatusCode().value());
  }

  /**
   * A time to type for an event that just happened: this minute (forms take minutes), or the next
   * one if this minute began before {@code notBefore} (the case started or the letter was delivered within it).
   */
  private static LocalDateTime pastMinuteNotBefore(Instant notBefore) {
    LocalDateTime minute = LocalDateTime.now(VIENNA).truncatedTo(ChronoUnit.MINUTES);
    while (minute.atZone(VIENNA).toInstant().isBefore(notBefore)) {
      Browser.pause(5000);
      minute = LocalDateTime.now(VIENNA).truncatedTo(ChronoUnit.MINUTES);
    }
    return minute;
  }

  /** Where a case stands in the engine, for a failure's message. */
  private String whereIs(String reference) {
    var instance = processInstance(reference);
    if (instance == null) {
      return "no running instance; case status " + cases.get(reference).status();
    }
    return "case status " + cases.get(reference).status() + "; activities "
        + engine.getRuntimeService().getActiveActivityIds(instance.getId()) + "; jobs "
        + engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list().stream()
            .map(j -> j.getDuedate() + " retries " + j.getRetries() + " " + j.getExceptionMessage()).toList();
  }

  private void await(String what, BooleanSupplier condition) {
    await(what, condition, () -> "");
  }

  private void await(String what, BooleanSupplier condition, Supplier<String> state) {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        browser.shot("timed-out");
        throw new AssertionError("Timed out waiting for " + what + " " + state.get() + "; the page shows: "
            + browser.text());
      }
      Browser.pause(500);
    }
  }
}
