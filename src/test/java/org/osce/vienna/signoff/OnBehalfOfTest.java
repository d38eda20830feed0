package org.osce.vienna.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.ParticipatingState;
import org.osce.vienna.casefile.ParticipatingStates;

class OnBehalfOfTest {

  @Test
  void listsAlphabeticallyByEnglishNameWithTheWhereTheNameTakesItAndAndBeforeTheLast() {
    assertThat(OnBehalfOf.sentence(List.of("US", "NL", "AL", "GB", "UA")))
        .isEqualTo("Albania, the Netherlands, Ukraine, the United Kingdom, and the United States");
  }

  @Test
  void writesTodaysNames() {
    assertThat(OnBehalfOf.sentence(List.of("CZ", "TR", "MK"))).isEqualTo("Czechia, North Macedonia, and Türkiye");
  }

  @Test
  void oneOrTwoStates() {
    assertThat(OnBehalfOf.sentence(List.of("GB"))).isEqualTo("the United Kingdom");
    assertThat(OnBehalfOf.sentence(List.of("GB", "CA"))).isEqualTo("Canada and the United Kingdom");
  }

  @Test
  void formerNamesAreAcceptedOnInput() {
    assertThat(ParticipatingStates.all().find("Czech Republic")).map(ParticipatingState::code).hasValue("CZ");
    assertThat(ParticipatingStates.all().find("Turkey")).map(ParticipatingState::code).hasValue("TR");
    assertThat(ParticipatingStates.all().find("the former Yugoslav Republic of Macedonia"))
        .map(ParticipatingState::code).hasValue("MK");
    assertThat(ParticipatingStates.all().find("the Netherlands")).map(ParticipatingState::code).hasValue("NL");
    assertThat(ParticipatingStates.all().size()).isEqualTo(57);
    assertThat(ParticipatingStates.all().find("EU")).isEmpty();
  }
}
