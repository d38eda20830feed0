package org.osce.vienna.bench.driver;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The benchmark's SMTP server (GreenMail, as in the driver) on its own, for {@code bench/burst-again}: takes every
 * message sent to 127.0.0.1 on the port given, and forgets what it took every ten seconds, until it is stopped.
 */
public final class MailSink {

  private MailSink() {
  }

  public static void main(String[] args) throws Exception {
    GreenMail mail = SmtpServer.start(Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    System.out.println("SMTP on 127.0.0.1:" + mail.getSmtp().getPort());
    while (true) {
      Thread.sleep(10_000);
      // What arrived is not kept: 10,000 notices would otherwise pile up in this JVM's heap.
      mail.purgeEmailFromAllMailboxes();
    }
  }
}
