package org.osce.vienna.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.CaseStatus;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Documents;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;
import org.osce.vienna.casefile.Replies;
import org.osce.vienna.casefile.ResponseStatus;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.delivery.LetterPdf;
import org.osce.vienna.delivery.Letters;
import org.osce.vienna.followup.FollowUpAction;
import org.osce.vienna.followup.FollowUps;
import org.osce.vienna.meeting.Meetings;
import org.osce.vienna.response.Assessment;
import org.osce.vienna.response.AssessmentInput;
import org.osce.vienna.response.Assessments;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The case file: the paper a delegation files, as one PDF from the application's own records — the
 * letter as sent with its signatories, the reply and its assessment question by question, the meetings,
 * the follow-up, the timeline and the list of documents. Times in the procedure's zone (Vienna), States
 * by name. Rendered on demand, so it always says what the records say.
 */
@Component
public class CaseFile {

  static final String TEMPLATE = "casefile/case-file";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
  /** The letter's own markup, inside the body of the document it was composed as. */
  private static final Pattern BODY = Pattern.compile("(?s)<body[^>]*>(.*)</body>");

  private final TemplateEngine templates;
  private final LetterPdf pdf;
  private final Letters letters;
  private final Signatories signatories;
  private final Assessments assessments;
  private final Meetings meetings;
  private final FollowUps followUps;
  private final Timeline timeline;
  private final ViennaProperties properties;
  private final Documents documents;
  private final Replies replies;

  public CaseFile(TemplateEngine templates, LetterPdf pdf, Letters letters, Signatories signatories,
      Assessments assessments, Meetings meetings, FollowUps followUps, Timeline timeline, ViennaProperties properties,
      Documents documents, Replies replies) {
    this.documents = documents;
    this.replies = replies;
    this.templates = templates;
    this.pdf = pdf;
    this.letters = letters;
    this.signatories = signatories;
    this.assessments = assessments;
    this.meetings = meetings;
    this.followUps = followUps;
    this.timeline = timeline;
    this.properties = properties;
  }

  public static String fileName(String reference) {
    return "case-file-" + reference + ".pdf";
  }

  public byte[] pdf(CaseRecord c, Instant now) {
    return pdf.render(html(c, now));
  }

  /** The file as XHTML (what the PDF is rendered from). */
  String html(CaseRecord c, Instant now) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("c", c);
    context.setVariable("lead", name(c.leadDelegation()));
    context.setVariable("addressee", name(c.addresseeState()));
    context.setVariable("status", stage(c.status()));
    context.setVariable("startedAt", when(c.startedAt()));
    context.setVariable("deliveredAt", when(c.deliveredAt()));
    context.setVariable("responseDueAt", when(c.responseDueAt()));
    context.setVariable("closedAt", when(c.closedAt()));
    context.setVariable("printedAt", when(now));
    context.setVariable("signing", signatories.signing(c.reference()).stream().map(CaseFile::name).toList());
    context.setVariable("declined", signatories.declined(c.reference()).stream().map(CaseFile::name).toList());
    context.setVariable("letter", letters.find(c.reference()).map(l -> body(l.html())).orElse(null));
    context.setVariable("reply", reply(c));
    context.setVariable("supplementary", supplementary(c));
    context.setVariable("assessments", assessments.of(c.reference()).entrySet().stream()
        .map(e -> Map.of("question", e.getKey(), "assessment", words(e.getValue().name()))).toList());
    context.setVariable("meetings", meetings.of(c.reference()).stream().map(m -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("requestedBy", name(m.requestedBy()));
      row.put("requestedAt", when(m.requestedAt()));
      row.put("targetAt", when(m.targetAt()));
      row.put("targetMissed", m.targetMissed());
      row.put("scheduledFor", when(m.scheduledFor()));
      row.put("place", m.place());
      row.put("held", m.held() == null ? "not yet recorded" : m.held() ? "held" : "not held");
      row.put("outcome", m.outcome());
      return row;
    }).toList());
    context.setVariable("followUps", followUps.of(c.reference()).stream().map(FollowUpAction::description).toList());
    List<Map<String, String>> entries = new ArrayList<>();
    for (Timeline.Entry e : timeline.of(c.reference())) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("at", when(e.at()));
      row.put("event", words(e.event()));
      row.put("by", e.by() == null ? "" : e.by());
      row.put("detail", e.detail() == null ? "" : e.detail());
      entries.add(row);
    }
    context.setVariable("timeline", entries);
    context.setVariable("documents", documents.of(c.reference()).stream().map(d -> Map.of("name", d.name(),
        "kind", words(d.kind().name()), "size", size(d.size()), "addedAt", DateTimes.shown(d.addedAt()),
        "addedBy", d.addedBy())).toList());
    context.setVariable("zone", properties.timeZone().getId());
    return templates.process(TEMPLATE, context);
  }

  /** The reply in words, or null while none is registered and none is missed. */
  private Map<String, Object> reply(CaseRecord c) {
    if (c.responseStatus() == ResponseStatus.PENDING) {
      return null;
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("none", c.responseStatus() == ResponseStatus.NONE);
    reply.put("receivedAt", when(c.responseReceivedAt()));
    reply.put("timeliness", c.responseStatus() == ResponseStatus.ON_TIME ? "on time"
        : c.responseStatus() == ResponseStatus.LATE ? c.responseDaysLate() + " day(s) late" : "");
    reply.put("reference", c.responseReference());
    reply.put("summary", c.responseSummary());
    reply.put("substantive", c.responseSubstantive() == null ? "not assessed yet"
        : c.responseSubstantive() ? "yes" : "no");
    return reply;
  }

  /** The replies after the first, in words, each with its assessment counted. */
  private List<Map<String, Object>> supplementary(CaseRecord c) {
    List<Map<String, Object>> list = new ArrayList<>();
    int number = 0;
    for (Replies.Reply r : replies.of(c.reference())) {
      if (!r.supplementary()) {
        continue;
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("number", ++number);
      reply.put("receivedAt", when(r.receivedAt()));
      reply.put("timeliness", r.status() == ResponseStatus.ON_TIME ? "on time"
          : r.status() == ResponseStatus.LATE ? r.daysLate() + " day(s) late" : "being recorded");
      reply.put("reference", r.reference());
      reply.put("summary", r.summary());
      reply.put("substantive", r.substantive() == null ? "not assessed yet" : r.substantive() ? "yes" : "no");
      Map<Integer, Assessment> byQuestion = assessments.of(c.reference(), r.seq());
      reply.put("assessment", byQuestion.isEmpty() ? null
          : AssessmentInput.summary(byQuestion));
      list.add(reply);
    }
    return list;
  }

  /** Where the case stands, in words. */
  static String stage(CaseStatus status) {
    return switch (status) {
      case DRAFTING -> "The letter is being drafted";
      case SIGN_OFF -> "Invited delegations are deciding whether to co-sign";
      case DELIVERY -> "The letter is to be signed and delivered";
      case AWAITING_RESPONSE -> "Awaiting the reply";
      case ASSESSMENT -> "The reply is being assessed";
      case FOLLOW_UP -> "Follow-up to be decided";
      case CLOSED -> "Closed";
      case WITHDRAWN -> "Withdrawn by the lead delegation";
    };
  }

  private String when(Instant instant) {
    return instant == null ? null : WHEN.format(instant.atZone(properties.timeZone()));
  }

  /** A size as people read it: 512 bytes, 48 KB, 1.2 MB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String name(String code) {
    return ParticipatingStates.all().byCode(code).map(ParticipatingState::name).orElse(code);
  }

  /** A contract value in words: LETTER_DELIVERED → "Letter delivered". */
  static String words(String value) {
    String text = value.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String body(String html) {
    Matcher matcher = BODY.matcher(html);
    return matcher.find() ? matcher.group(1) : null;
  }
}
