package org.osce.vienna.delivery;

import java.time.Instant;

/**
 * Sends the final letter to the addressee's mission while the delivery step runs and says when
 * the mail server accepted it; a failure throws, so the step is retried and never taken as done.
 * Implemented where the mail is (notification), so that delivery does not depend on it.
 */
public interface LetterMail {

  /** @param lead the code of the lead delegation, which the letter is sent for and which replies go to */
  Instant send(String reference, String label, String addressee, String lead);
}
