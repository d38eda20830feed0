package org.osce.vienna.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the timeline counts the replies. */
class RegisterFurtherReplyTest {

  @Test
  void repliesAreCountedInEnglishOrdinals() {
    assertThat(RegisterFurtherReply.ordinal(2)).isEqualTo("2nd");
    assertThat(RegisterFurtherReply.ordinal(3)).isEqualTo("3rd");
    assertThat(RegisterFurtherReply.ordinal(4)).isEqualTo("4th");
    assertThat(RegisterFurtherReply.ordinal(11)).isEqualTo("11th");
    assertThat(RegisterFurtherReply.ordinal(12)).isEqualTo("12th");
    assertThat(RegisterFurtherReply.ordinal(13)).isEqualTo("13th");
    assertThat(RegisterFurtherReply.ordinal(21)).isEqualTo("21st");
    assertThat(RegisterFurtherReply.ordinal(112)).isEqualTo("112th");
  }
}
