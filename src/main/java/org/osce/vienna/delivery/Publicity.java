package org.osce.vienna.delivery;

import static org.osce.vienna.engine.ProcessConstants.ANNOUNCEMENTS;
import static org.osce.vienna.engine.ProcessConstants.COUNCIL_STATEMENT_TO_BE_RECORDED;
import static org.osce.vienna.engine.ProcessConstants.PARTICIPATING_STATES_TO_BE_INFORMED;
import static org.osce.vienna.engine.ProcessConstants.PERMANENT_COUNCIL_DATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.engine.CaseVariables;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputReader;

/**
 * What the invoking States decided to make public, as "Sign and deliver the letter" (and later the follow-up)
 * takes it: the announcements, each once, and for a statement at the Permanent Council the date of its meeting.
 *
 * @param permanentCouncilDate the day of the Permanent Council meeting; null without a statement
 */
public record Publicity(List<Announcement> announcements, LocalDate permanentCouncilDate) {

  public static final Field ANNOUNCEMENTS_FIELD = Field.textList(ANNOUNCEMENTS).labelled("the announcements");
  /** Required with a statement at the Permanent Council only: {@link #read}. */
  public static final Field PERMANENT_COUNCIL_DATE_FIELD = Field.date(PERMANENT_COUNCIL_DATE)
      .labelled("the date of the Permanent Council meeting");

  public static final Publicity NONE = new Publicity(List.of(), null);

  public Publicity {
    announcements = List.copyOf(announcements);
  }

  /**
   * Reads the announcements into {@code in}, noting every problem there: only known ones; the Permanent Council's
   * date with its statement, and not before {@code earliest} (the day the case was started).
   */
  public static Publicity read(InputReader in, LocalDate earliest) {
    List<Announcement> announcements = new ArrayList<>();
    for (String value : in.texts(ANNOUNCEMENTS_FIELD)) {
      Announcement announcement = Announcement.find(value);
      if (announcement == null) {
        in.refuse(ANNOUNCEMENTS, "'" + value + "' is not an announcement; choose from " + List.of(Announcement.values()));
      } else if (!announcements.contains(announcement)) {
        announcements.add(announcement);
      }
    }
    LocalDate councilDate = in.date(PERMANENT_COUNCIL_DATE_FIELD);
    boolean statement = announcements.contains(Announcement.PERMANENT_COUNCIL_STATEMENT);
    if (statement && councilDate == null && !in.isWrong(PERMANENT_COUNCIL_DATE)) {
      in.refuse(PERMANENT_COUNCIL_DATE, "is required for a statement at the Permanent Council: on which day does"
          + " the Council meet?");
    } else if (!statement && councilDate != null) {
      in.refuse(PERMANENT_COUNCIL_DATE, "is only for a statement at the Permanent Council, which is not among the"
          + " announcements");
    } else if (councilDate != null && earliest != null && councilDate.isBefore(earliest)) {
      in.refuse(PERMANENT_COUNCIL_DATE, "cannot be before the case was started, on " + DateTimes.shownDay(earliest));
    }
    return new Publicity(announcements, statement ? councilDate : null);
  }

  /**
   * Sets what was decided for the process: the announcements as a JSON list (the contract's form), the Council's
   * date as an ISO date, and for the gateways whether each announcement is to be made.
   */
  public void writeTo(VariableScope scope) {
    scope.setVariable(ANNOUNCEMENTS, CaseVariables.jsonValue(names()));
    scope.setVariable(PERMANENT_COUNCIL_DATE, permanentCouncilDate == null ? null : permanentCouncilDate.toString());
    scope.setVariable(PARTICIPATING_STATES_TO_BE_INFORMED, includes(Announcement.INFORM_PARTICIPATING_STATES));
    scope.setVariable(COUNCIL_STATEMENT_TO_BE_RECORDED, includes(Announcement.PERMANENT_COUNCIL_STATEMENT));
  }

  public boolean includes(Announcement announcement) {
    return announcements.contains(announcement);
  }

  public List<String> names() {
    return announcements.stream().map(Enum::name).toList();
  }
}
