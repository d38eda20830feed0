package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.PERMANENT_COUNCIL_DATE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.EngineClock;
import org.springframework.stereotype.Component;

/** Stage 3 made public at the Permanent Council: the statement decided, on the timeline with its meeting's date. */
@Component
public class RecordPermanentCouncilStatement implements JavaDelegate {

  private final Timeline timeline;

  public RecordPermanentCouncilStatement(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Checked when it was decided (Publicity): present with the statement.
    LocalDate meeting = LocalDate.parse(CaseVariables.text(execution, PERMANENT_COUNCIL_DATE));
    timeline.record(CaseVariables.reference(execution), EngineClock.now(),
        TimelineEvent.PERMANENT_COUNCIL_STATEMENT_ANNOUNCED, null,
        "at the Permanent Council meeting of " + DateTimes.shownDay(meeting));
  }
}
