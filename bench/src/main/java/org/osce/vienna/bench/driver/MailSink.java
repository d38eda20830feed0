package org.osce.vienna.bench.driver;

/**
 * The benchmark's SMTP server ({@link SmtpServer}, as in the driver) on its own, for {@code bench/burst-again}: takes
 * every message sent to 127.0.0.1 on the port given, until it is stopped.
 */
public final class MailSink {

  private MailSink() {
  }

  public static void main(String[] args) throws Exception {
    SmtpServer mail = SmtpServer.start(Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(mail::close));
    System.out.println("SMTP on 127.0.0.1:" + mail.port());
    Thread.currentThread().join();
  }
}
