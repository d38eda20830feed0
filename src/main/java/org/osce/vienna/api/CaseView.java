package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.DocumentKind;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.followup.FollowUpAction;

/**
 * A case as {@code GET /api/cases/{reference}} shows it: from the application's own records, the open
 * tasks included (as the engine's task listeners record them). Times are ISO-8601 with the offset of the configured zone (Europe/Vienna).
 */
@Schema(name = "Case")
public record CaseView(
    @Schema(example = "VM-2021-BY-01") String reference,
    @Schema(example = "Human rights situation in Belarus") String subject,
    @Schema(example = "GB") String leadDelegation,
    @Schema(example = "BY") String addresseeState,
    CaseStatus status,
    @Schema(description = "Recorded afterwards as it happened (POST /api/past-invocations), not played through here")
    boolean recorded,
    OffsetDateTime startedAt,
    @Schema(description = "The tasks open in the case, whoever's they are") List<OpenTask> openTasks,
    @Schema(description = "The States the letter is signed by: the lead first, then those that joined",
        example = "[\"GB\", \"CA\", \"FR\", \"DE\", \"US\"]") List<String> signatories,
    @Schema(description = "The invited delegations that declined to co-sign", example = "[]") List<String> declined,
    @Schema(description = "Each invited delegation, and each that joined without an invitation: whether it has"
        + " joined, declined (or withdrawn its signature) or not yet decided (also when the sign-off deadline passed"
        + " without its decision), and when; empty before the round opens")
    List<SignOffEntry> signOff,
    @Schema(description = "Each final letter composed, oldest first, with the States it named: composed again"
        + " when a delegation joined late or withdrew its signature while it waited for the lead's signature,"
        + " and dated when signed; the last is the letter sent") List<ComposedLetter> composedLetters,
    OffsetDateTime deliveredAt,
    @Schema(description = "End of the day (Europe/Vienna) of delivery + the response period")
    OffsetDateTime responseDueAt,
    @Schema(description = "The first reply (the one the registry counts); the same as the first of responses")
    Response response,
    @Schema(description = "Every reply registered, oldest first: the first, one after \"no response\" (late),"
        + " supplementary replies; each assessed on its own") List<Reply> responses,
    List<FollowUpAction> followUpActions,
    @Schema(description = "The States supporting the lead in invoking the Moscow Mechanism (Moscow Document 1991,"
        + " para 12), as last decided; empty unless MOSCOW_MECHANISM was chosen", example = "[\"CA\", \"DE\"]")
    List<String> moscowSupporters,
    List<Meeting> meetings,
    @Schema(description = "The documents kept with the case, oldest first; each downloaded from"
        + " /api/cases/{reference}/documents/{id}") List<DocumentEntry> documents,
    @Schema(description = "What happened, in the order recorded") List<TimelineEntry> timeline) {

  @Schema(name = "OpenTask")
  public record OpenTask(
      @Schema(description = "Task id for /engine-rest/task/{id}/claim and /complete") String id,
      @Schema(example = "Task_DraftLetter") String taskDefinitionKey,
      @Schema(example = "Draft the letter — VM-2021-BY-01 (Belarus)") String name,
      @Schema(example = "delegation-gb") String candidateGroup,
      String assignee,
      OffsetDateTime dueDate) {
  }

  @Schema(name = "SignOff")
  public record SignOffEntry(
      @Schema(example = "DE") String state,
      @Schema(allowableValues = {"JOINED", "DECLINED", "UNDECIDED"}, example = "JOINED") String decision,
      @Schema(description = "When it decided; null while undecided") OffsetDateTime decidedAt) {
  }

  @Schema(name = "ComposedLetter")
  public record ComposedLetter(
      OffsetDateTime composedAt,
      @Schema(description = "The States it is sent on behalf of, the lead first", example = "[\"GB\", \"FR\"]")
      List<String> signatories) {
  }

  @Schema(name = "Response")
  public record Response(
      ResponseStatus status,
      OffsetDateTime receivedAt,
      @Schema(description = "Calendar days after the deadline; 0 when on time") Integer daysLate) {
  }

  @Schema(name = "Reply")
  public record Reply(
      OffsetDateTime receivedAt,
      @Schema(description = "The addressee's reference of its note verbale", example = "No. 03-12/3456") String reference,
      String summary,
      @Schema(description = "ON_TIME or LATE; PENDING while being recorded") ResponseStatus status,
      @Schema(description = "Calendar days after the deadline; 0 when on time") Integer daysLate,
      @Schema(description = "Registered after another reply") boolean supplementary,
      @Schema(description = "Judged substantive; null until assessed") Boolean substantive,
      @Schema(description = "Each question's assessment; empty until assessed") List<QuestionAssessment> questionAssessments) {
  }

  @Schema(name = "QuestionAssessment")
  public record QuestionAssessment(
      @Schema(example = "1") int question,
      @Schema(allowableValues = {"ANSWERED", "PARTLY_ANSWERED", "NOT_ANSWERED"}) String assessment) {
  }

  @Schema(name = "Meeting")
  public record Meeting(String requestedBy, OffsetDateTime requestedAt,
      @Schema(description = "As a rule the meeting is held by then: the end of the day (Europe/Vienna) of the"
          + " request date + 7") OffsetDateTime targetAt,
      OffsetDateTime scheduledFor,
      @Schema(description = "Where it takes place, as agreed", example = "Permanent Mission of the United Kingdom,"
          + " Vienna") String place,
      @Schema(description = "The target is missed: it passed with no outcome recorded, or the meeting was set for"
          + " after it") boolean targetMissed,
      Boolean held, String outcome) {
  }

  @Schema(name = "Document")
  public record DocumentEntry(
      @Schema(description = "Its id in /api/cases/{reference}/documents/{id}", example = "0b6f1c1e-8c7a-4d1e-9a53-2f0c4f6d8e21")
      String id,
      @Schema(description = "The file name it was uploaded with, made safe", example = "reply-BY-2021-11-12.pdf")
      String name,
      @Schema(example = "application/pdf") String mediaType,
      @Schema(description = "In bytes", example = "48213") long size,
      DocumentKind kind,
      OffsetDateTime addedAt,
      @Schema(description = "The user who added it", example = "officer-gb") String addedBy) {
  }

  @Schema(name = "TimelineEntry")
  public record TimelineEntry(OffsetDateTime at, @Schema(example = "CASE_STARTED") String event,
      @Schema(description = "The user, or null for a step of the process itself") String by, String detail) {
  }

  /** One line of {@code GET /api/cases}. */
  @Schema(name = "CaseSummary")
  public record Summary(String reference, String subject, String leadDelegation, String addresseeState,
      CaseStatus status, OffsetDateTime startedAt, OffsetDateTime deliveredAt, OffsetDateTime responseDueAt,
      Response response) {
  }
}
