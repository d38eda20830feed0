package org.osce.vienna.bench.driver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

/** The SMTP server that takes the application's mail in the benchmark: GreenMail, on 127.0.0.1. */
final class SmtpServer {

  private SmtpServer() {
  }

  /** GreenMail started on the port given (0: any free port). */
  static GreenMail start(int port) {
    // GreenMail parses every message it takes, and Jakarta Mail looks up its StreamProvider with a ServiceLoader
    // on every body part it parses (jakartaee/mail-api#861), scanning every jar of this fat jar: 71 % of the SMTP
    // server's CPU in a flight recording, about 3 ms a message with the letter attached, taken from the two cores
    // the target runs on. Named, the provider is made directly, as the application names it for its own sending.
    if (System.getProperty(StreamProvider.class.getName()) == null) {
      System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }
}
