package org.osce.vienna.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Connections to the mail server with Nagle's algorithm off ({@code TCP_NODELAY}). Jakarta Mail writes a message's
 * end ({@code CRLF.CRLF}) as a small packet of its own, which the kernel holds back until the server has
 * acknowledged the packet before it, and a server delays that acknowledgement by up to 40 ms: each message then
 * waited some 45 ms for nothing, and a notice to the 57 delegations queued for seconds ({@link MailConnections}).
 */
final class NoDelaySockets extends SocketFactory {

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
