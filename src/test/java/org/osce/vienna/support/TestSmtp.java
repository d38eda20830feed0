package org.osce.vienna.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for the tests, on a port free when the tests start and kept for
 * their whole run: a test can stop the server and start it again where the application expects it.
 */
public final class TestSmtp {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = freePort();

  private TestSmtp() {
  }

  /** A server started before and stopped after each test, with empty mailboxes each time. */
  public static GreenMailExtension server() {
    return new GreenMailExtension(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
  }

  /** Points the application's mail sender at the test server. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> HOST);
    registry.add("spring.mail.port", () -> PORT);
  }

  /** Points the application's mail sender at the test server: the shared contexts' way ({@link H2ApplicationTest}). */
  public static final class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.mail.host=" + HOST, "spring.mail.port=" + PORT).applyTo(context);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
