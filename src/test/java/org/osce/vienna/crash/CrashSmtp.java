package org.osce.vienna.crash;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GreenMail in the test's JVM, so it outlives every kill of the application; it can also go down
 * for a while (a mail outage). GreenMail forgets what it received when it stops, so the copies
 * received until then are kept here: every copy the server ever accepted is counted.
 */
final class CrashSmtp implements AutoCloseable {

  /** One copy of a message in one recipient's mailbox, and when the server accepted it. */
  record Copy(String messageId, String recipient, Instant receivedAt) {
  }

  private final GreenMail greenMail;
  private final List<Copy> before = new ArrayList<>();

  CrashSmtp(String host, int port) {
    greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
  }

  synchronized void start() {
    greenMail.start();
  }

  /** Stops accepting mail; what it received so far is kept. */
  synchronized void stop() {
    Managers received = greenMail.getManagers();
    greenMail.stop();
    before.addAll(copies(received));
  }

  synchronized boolean running() {
    return greenMail.isRunning();
  }

  /** Every copy received so far, across outages. */
  synchronized List<Copy> copies() {
    List<Copy> all = new ArrayList<>(before);
    all.addAll(copies(greenMail.getManagers()));
    return all;
  }

  private static List<Copy> copies(Managers managers) {
    List<Copy> copies = new ArrayList<>();
    for (GreenMailUser user : managers.getUserManager().listUser()) {
      try {
        for (StoredMessage message : managers.getImapHostManager().getInbox(user).getMessages()) {
          copies.add(new Copy(message.getMimeMessage().getMessageID(), user.getEmail().toLowerCase(Locale.ROOT),
              message.getReceivedDate().toInstant()));
        }
      } catch (FolderException | MessagingException e) {
        throw new IllegalStateException("Cannot read the mailbox of " + user.getEmail(), e);
      }
    }
    return copies;
  }

  @Override
  public synchronized void close() {
    if (greenMail.isRunning()) {
      greenMail.stop();
    }
  }
}
