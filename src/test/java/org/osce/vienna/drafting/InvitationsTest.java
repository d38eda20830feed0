package org.osce.vienna.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.FieldErrors;

/** The one check of who is invited to co-sign, for the case API and the draft task alike. */
class InvitationsTest {

  @Test
  void givesTheCanonicalCodesInTheOrderGiven() {
    FieldErrors errors = new FieldErrors();
    assertThat(Invitations.check(List.of("de", " FR", "the Netherlands"), "GB", "BY", errors))
        .containsExactly("DE", "FR", "NL");
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void namesEachEntryThatIsWrongByItsIndex() {
    FieldErrors errors = new FieldErrors();
    List<String> invited = Invitations.check(Arrays.asList("DE", "DE", "Germany", "GB", "BY", "EU", "", "FR\u0000"),
        "GB", "BY", errors);
    assertThat(invited).containsExactly("DE");
    assertThat(errors.asMap()).containsExactly(
        entry(1, "invites DE again (invitedDelegations[0] already does): invite each delegation once"),
        entry(2, "invites DE again (invitedDelegations[0] already does): invite each delegation once"),
        entry(3, "is the lead delegation GB, which always signs and is not invited"),
        entry(4, "is the addressee BY: the addressee can never be one of the invoking States"),
        entry(5, "'EU' is not one of the 57 OSCE participating States (a code such as GB)"),
        entry(6, "is empty: give a participating State's code, e.g. DE"),
        entry(7, "contains a control character (U+0000): give the State's code alone, e.g. GB"));
  }

  @Test
  void theSignatoriesOfALetterSentNameTheLeadAmongThemByTheSameRules() {
    FieldErrors errors = new FieldErrors();
    assertThat(Invitations.signatories(List.of("de", "GB", "France"), "GB", "BY", errors, "signatories"))
        .containsExactly("DE", "GB", "FR");
    assertThat(errors.isEmpty()).isTrue();

    Invitations.signatories(List.of("DE", "FR"), "GB", "BY", errors, "signatories");
    assertThat(errors.asMap()).containsExactly(Map.entry("signatories",
        "must name the lead delegation GB, which always signs"));

    FieldErrors wrong = new FieldErrors();
    Invitations.signatories(List.of("GB", "Germany", "DE", "BY"), "GB", "BY", wrong, "signatories");
    assertThat(wrong.asMap()).containsExactly(
        Map.entry("signatories[2]", "names DE again (signatories[1] already does): name each delegation once"),
        Map.entry("signatories[3]", "is the addressee BY: the addressee can never be one of the invoking States"));
  }

  private static Map.Entry<String, String> entry(int index, String message) {
    return Map.entry("invitedDelegations[" + index + "]", message);
  }
}
