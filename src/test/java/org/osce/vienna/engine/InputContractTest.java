package org.osce.vienna.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A contract's variables and the parts of them that a form edits as fields of their own. */
class InputContractTest {

  private static final InputContract DRAFT = InputContract.task("Task_Draft", Field.json("letter"),
      Field.json("draftQuestions")).withParts(Field.text("draftQuestions.text", 100), Field.text("letter.closing", 50));

  @Test
  void theTaskTakesItsVariablesNotTheirParts() {
    assertThat(DRAFT.names()).containsExactly("letter", "draftQuestions");
    assertThat(DRAFT.parts()).extracting(Field::name).containsExactly("draftQuestions.text", "letter.closing");
    assertThat(DRAFT.list()).hasSize(4);
    assertThat(DRAFT.field("letter.closing").maxLength()).isEqualTo(50);
  }

  @Test
  void aPartBelongsToOneOfTheVariables() {
    assertThatThrownBy(() -> DRAFT.withParts(Field.text("subject.text", 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject.text");
    assertThatThrownBy(() -> DRAFT.withParts(Field.text("closing", 10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DRAFT.withParts(Field.text("letter.closing", 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
  }
}
