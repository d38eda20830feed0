package org.osce.vienna.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a server (the test SMTP server, say) that counts the connections open through it at once,
 * as a mail server's operator sees them. Each connection is passed on to the server as it is, byte for byte.
 */
public final class ConnectionCountingRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  public ConnectionCountingRelay(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName(host));
    daemon(this::accept, "relay-accept").start();
  }

  /** The port the relay listens on (on the server's host). */
  public int port() {
    return listener.getLocalPort();
  }

  /** The most connections that were open through the relay at the same time. */
  public int mostAtOnce() {
    return mostAtOnce.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
        AtomicInteger halves = new AtomicInteger(2);
        Runnable closed = () -> {
          if (halves.decrementAndGet() == 0) {
            open.decrementAndGet();
          }
        };
        daemon(() -> pipe(client, server, closed), "relay-up").start();
        daemon(() -> pipe(server, client, closed), "relay-down").start();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Copies one direction until it ends, then closes both sides (the connection is over). */
  private static void pipe(Socket from, Socket to, Runnable closed) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // The other direction closed the sockets: the connection is over either way.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      closed.run();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that was left to do.
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
