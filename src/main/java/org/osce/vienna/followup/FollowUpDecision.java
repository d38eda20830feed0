package org.osce.vienna.followup;

import static org.osce.vienna.engine.ProcessConstants.FOLLOW_UP_ACTIONS;
import static org.osce.vienna.engine.ProcessConstants.MOSCOW_SUPPORTERS;
import static org.osce.vienna.engine.ProcessConstants.PERMANENT_COUNCIL_DOCUMENT;
import static org.osce.vienna.engine.ProcessConstants.TASK_DECIDE_FOLLOW_UP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osce.vienna.delivery.Publicity;
import org.osce.vienna.engine.Field;
import org.osce.vienna.engine.InputContract;
import org.osce.vienna.engine.InputReader;
import org.osce.vienna.engine.InputValues;

/**
 * "Decide on follow-up": the actions the invoking States take, each once; none closes the case. The
 * Moscow Mechanism is invoked by the lead "supported by at least nine others" (Moscow Document 1991,
 * para 12), who need not be the letter's signatories ({@link MoscowSupporters}).
 *
 * @param moscowSupporters the States supporting the lead in invoking the Moscow Mechanism; empty when it is not
 *     chosen
 */
public record FollowUpDecision(List<FollowUpAction> actions, List<String> moscowSupporters, Publicity publicity,
    String permanentCouncilDocument) {

  public static final Field ACTIONS = Field.textList(FOLLOW_UP_ACTIONS)
      .labelled("the follow-up");
  public static final Field SUPPORTERS = Field.textList(MOSCOW_SUPPORTERS)
      .labelled("the supporters of the Moscow Mechanism");

  /** Optional: the number of a statement made at the Permanent Council, known only after the meeting. */
  public static final Field COUNCIL_DOCUMENT = Field.text(PERMANENT_COUNCIL_DOCUMENT, 100)
      .labelled("the Permanent Council's document number");

  public static final InputContract TASK = InputContract.task(TASK_DECIDE_FOLLOW_UP, ACTIONS, SUPPORTERS,
      Publicity.ANNOUNCEMENTS_FIELD, Publicity.PERMANENT_COUNCIL_DATE_FIELD, COUNCIL_DOCUMENT);

  public static final String REFUSED = "The follow-up cannot be decided";

  /**
   * Reads and checks a decision in a case of {@code lead} to {@code addressee}, signed by {@code signing} (the
   * lead among them) and started on {@code startedOn}, throwing once with every problem. What is made public now
   * is read as at delivery ({@link Publicity#read}).
   */
  public static FollowUpDecision read(InputValues values, List<String> signing, String lead, String addressee,
      LocalDate startedOn) {
    InputReader in = new InputReader(values);
    List<FollowUpAction> actions = new ArrayList<>();
    for (String value : in.texts(ACTIONS)) {
      FollowUpAction action = FollowUpAction.find(value);
      if (action == null) {
        in.refuse(FOLLOW_UP_ACTIONS, "'" + value + "' is not a follow-up action; choose from "
            + List.of(FollowUpAction.values()));
      } else if (!actions.contains(action)) {
        actions.add(action);
      }
    }
    List<String> named = in.texts(SUPPORTERS);
    List<String> supporters = List.of();
    if (actions.contains(FollowUpAction.MOSCOW_MECHANISM)) {
      supporters = named.isEmpty() && !in.isWrong(MOSCOW_SUPPORTERS)
          ? MoscowSupporters.byDefault(signing, lead, addressee, in.errors())
          : MoscowSupporters.check(named, lead, addressee, in.errors());
    } else if (!named.isEmpty()) {
      in.refuse(MOSCOW_SUPPORTERS, "are taken only with MOSCOW_MECHANISM among the follow-up actions");
    }
    Publicity publicity = Publicity.read(in, startedOn);
    String councilDocument = in.text(COUNCIL_DOCUMENT);
    in.throwIfAny(REFUSED);
    return new FollowUpDecision(List.copyOf(actions), List.copyOf(supporters), publicity, councilDocument);
  }

  public List<String> names() {
    return actions.stream().map(Enum::name).toList();
  }

  /** What the timeline says: "a statement at the Permanent Council; the Moscow Mechanism (supported by CA, DE, …)". */
  public String inWords() {
    String words = FollowUpAction.inWords(actions);
    return moscowSupporters.isEmpty() ? words : words + " (supported by " + String.join(", ", moscowSupporters) + ")";
  }
}
