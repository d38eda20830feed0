package org.osce.vienna.bench.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP server that takes the application's mail in the benchmark (SubEthaSMTP, on 127.0.0.1): it speaks SMTP
 * as a mail server does and reads every message whole, then keeps nothing of it.
 *
 * <p>It runs on the two cores the targets share, and only the application sends mail, so what it costs is charged to
 * the application's cases. GreenMail, until the eighth round, parsed and stored each message for reading back (as
 * the application's tests need); with this server the driver takes a fifth to a quarter less CPU per 2021-size case
 * (docs/performance.md, eighth round). A production mail server runs on a machine of its own.
 */
final class SmtpServer implements AutoCloseable {

  private final SMTPServer server;
  private final AtomicLong messages = new AtomicLong();

  private SmtpServer(int port) throws IOException {
    this.server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
        .simpleMessageListener(new SimpleMessageListener() {
          @Override
          public boolean accept(String from, String recipient) {
            return true;
          }

          @Override
          public void deliver(String from, String recipient, InputStream data) throws IOException {
            data.transferTo(OutputStream.nullOutputStream());
            messages.incrementAndGet();
          }
        }).build();
  }

  /** Started on the port given (0: any free port). */
  static SmtpServer start(int port) throws IOException {
    SmtpServer smtp = new SmtpServer(port);
    smtp.server.start();
    return smtp;
  }

  int port() {
    return server.getPortAllocated();
  }

  /** How many messages it has taken since it started. */
  long messages() {
    return messages.get();
  }

  @Override
  public void close() {
    server.stop();
  }
}
