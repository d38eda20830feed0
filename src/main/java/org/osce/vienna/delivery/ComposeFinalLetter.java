package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.FINAL_LETTER;
import static org.osce.vienna.engine.ProcessConstants.LETTER;
import static org.osce.vienna.engine.ProcessConstants.LETTER_URL;
import static org.osce.vienna.engine.ProcessConstants.SIGNATORIES;
import static org.osce.vienna.engine.ProcessConstants.SIGNATORIES_TEXT;
import static org.osce.vienna.engine.ProcessConstants.SIGNATORY_COUNT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.casefile.ViennaProperties;
import org.osce.vienna.drafting.Letter;
import org.osce.vienna.drafting.LetterReader;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.osce.vienna.signoff.OnBehalfOf;
import org.osce.vienna.signoff.Signatories;
import org.springframework.stereotype.Component;

/**
 * Composes the final letter from the approved draft and the delegations that sign, and keeps it with
 * the case; the heads read its text in the sign-and-deliver form, and open its PDF from there. Runs after the
 * sign-off round, and again whenever the signatories change while the letter waits for signature
 * (Event_SignatoriesChanged): the letter names the States that sign at the moment it is composed.
 */
@Component
public class ComposeFinalLetter implements JavaDelegate {

  private final LetterComposer composer;
  private final Letters letters;
  private final Signatories signatories;
  private final Timeline timeline;
  private final ViennaProperties properties;

  public ComposeFinalLetter(LetterComposer composer, Letters letters, Signatories signatories, Timeline timeline,
      ViennaProperties properties) {
    this.composer = composer;
    this.letters = letters;
    this.signatories = signatories;
    this.timeline = timeline;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseVariables.reference(execution);
    Instant now = EngineClock.now();
    boolean again = !letters.compositions(reference).isEmpty();
    List<String> signing = compose(execution, now);
    timeline.record(reference, now, TimelineEvent.LETTER_COMPOSED, null, (again ? "composed again, " : "")
        + "on behalf of " + signing.size() + " delegations" + (again ? ": " + String.join(", ", signing) : ""));
  }

  /**
   * Composes the letter dated the day of {@code datedAt} in the procedure's zone and keeps it (replacing the one
   * composed before), with its text and its signatories for the forms and the follow-up.
   *
   * @return the States it is sent on behalf of
   */
  List<String> compose(DelegateExecution execution, Instant datedAt) {
    String reference = CaseVariables.reference(execution);
    Letter letter = LetterReader.read(CaseVariables.json(execution, LETTER).toString());
    List<String> signing = signatories.signing(reference);
    LocalDate date = LocalDate.ofInstant(datedAt, properties.timeZone());
    String html = composer.html(letter, signing, date, properties.responsePeriodDays());
    letters.save(reference, new Letters.FinalLetter(html, OnBehalfOf.followingDelegations(signing), datedAt), signing);
    execution.setVariable(LETTER_URL, "/api/cases/" + reference + "/letter.pdf");
    execution.setVariable(FINAL_LETTER, CaseVariables.jsonValue(Map.of("html",
        composer.formHtml(letter, signing, date, properties.responsePeriodDays()))));
    execution.setVariable(SIGNATORIES, CaseVariables.jsonValue(signing));
    execution.setVariable(SIGNATORY_COUNT, signing.size());
    execution.setVariable(SIGNATORIES_TEXT, OnBehalfOf.sentence(signing));
    return signing;
  }
}
