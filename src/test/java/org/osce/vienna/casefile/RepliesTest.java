package org.osce.vienna.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.osce.vienna.casefile.Replies.Reply;

/** When a reply is the same one sent again, and when it is supplementary; without a database. */
class RepliesTest {

  private static final Instant AT = Instant.parse("2021-11-12T11:00:00Z");

  private static Reply reply(int seq, String reference, String summary) {
    return new Reply("VM-1", seq, AT, reference, summary, null, null, null, AT);
  }

  @Test
  void theSameReplyHasTheSameTimeReferenceAndSummaryBlanksCountingAsNone() {
    Reply registered = reply(1, "No. 1", "Belarus rejects the invocation.");
    assertThat(registered.isTheSameAs(AT, "No. 1", "Belarus rejects the invocation.")).isTrue();
    assertThat(registered.isTheSameAs(AT, " No. 1 ", "Belarus rejects the invocation.")).isTrue();
    assertThat(registered.isTheSameAs(AT.plusSeconds(60), "No. 1", "Belarus rejects the invocation.")).isFalse();
    assertThat(registered.isTheSameAs(AT, "No. 2", "Belarus rejects the invocation.")).isFalse();
    assertThat(registered.isTheSameAs(AT, "No. 1", "Belarus answers question 1.")).isFalse();
    assertThat(reply(1, null, "x").isTheSameAs(AT, " ", "x")).isTrue();
  }

  @Test
  void everyReplyAfterTheFirstRegisteredIsSupplementary() {
    assertThat(reply(1, null, "x").supplementary()).isFalse();
    assertThat(reply(2, null, "x").supplementary()).isTrue();
  }
}
