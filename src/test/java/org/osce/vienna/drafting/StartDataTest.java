package org.osce.vienna.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.ParticipatingStates;
import org.junit.jupiter.api.Test;

class StartDataTest {

  @Test
  void normalisesCodesAndNames() {
    StartData data = new StartData("VM-2021-BY-01", "gb", "Belarus", " Belarus 2021 ").validate();
    assertThat(data.leadDelegation()).isEqualTo("GB");
    assertThat(data.addresseeState()).isEqualTo("BY");
    assertThat(data.subject()).isEqualTo("Belarus 2021");
  }

  @Test
  void namesEveryBadField() {
    assertThatThrownBy(() -> new StartData("VM 2021/01", "XX", "EU", "").validate())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
            .containsOnlyKeys("reference", "leadDelegation", "addresseeState", "subject"))
        .hasMessageContaining("'XX' is not one of the 57 OSCE participating States");
  }

  @Test
  void theAddresseeCannotBeTheLead() {
    assertThatThrownBy(() -> new StartData("VM-1", "BY", "by", "x").validate())
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("addresseeState"));
  }

  /** The one rule for a State given as input: spaces around it are ignored, a control character anywhere is refused. */
  @Test
  void spacesAroundACodeAreIgnoredAndAControlCharacterIsRefusedWithTheReason() {
    StartData data = new StartData("VM-1", " gb ", "BY ", "x").validate();
    assertThat(data.leadDelegation()).isEqualTo("GB");
    assertThat(data.addresseeState()).isEqualTo("BY");

    assertThatThrownBy(() -> new StartData("VM-1", "GB\u0000", "BY\t", "x").validate())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.fieldErrors().get("leadDelegation")).startsWith("contains a control character (U+0000)");
          assertThat(e.fieldErrors().get("addresseeState")).startsWith("contains a control character (U+0009)");
        });
    assertThatThrownBy(() -> new StartData("VM-1", "G\u200bB", "BY", "x").validate())
        .hasMessageContaining("control character (U+200B)");
    assertThat(ParticipatingStates.all().byCode("GB\u0000")).isEmpty();
    assertThat(ParticipatingStates.all().find("Belarus\u0000")).isEmpty();
    assertThat(ParticipatingStates.all().whyNot("XX")).isEqualTo(
        "'XX' is not one of the 57 OSCE participating States (a code such as GB)");
  }

  @Test
  void theReferenceIsAtMost64UrlSafeCharacters() {
    assertThatThrownBy(() -> new StartData("A".repeat(65), "GB", "BY", "x").validate())
        .hasMessageContaining("reference");
    assertThat(new StartData("A".repeat(64), "GB", "BY", "x").validate().reference()).hasSize(64);
  }
}
