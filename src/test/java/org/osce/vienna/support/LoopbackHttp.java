package org.osce.vienna.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket bound to a chosen loopback address (127.0.0.2, 127.0.0.3, …), so that
 * the application sees requests from different source addresses on one machine; and a body streamed
 * in chunks while the answer is read, as a client that sends megabytes does. Java's own HTTP clients
 * can do neither. One request per connection ({@code Connection: close}).
 */
public final class LoopbackHttp {

  private final String localAddress;
  private final int port;

  public LoopbackHttp(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  /** An answer: status, headers (names in any case), body as UTF-8 text. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
      return headers.getOrDefault(name, List.of());
    }

    @Override
    public String toString() {
      return status + " " + header("Content-Type") + " " + body;
    }
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Answer send(String method, String path, Map<String, String> headers, String body) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = connect()) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      if (bytes != null) {
        all.put("Content-Length", Integer.toString(bytes.length));
      }
      OutputStream out = socket.getOutputStream();
      out.write(head(method, path, all));
      if (bytes != null) {
        out.write(bytes);
      }
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " from " + localAddress, e);
    }
  }

  /**
   * Sends the head of a request that declares a body of {@code declaredLength} bytes, and no byte of
   * the body: only an answer given without reading the body comes back.
   */
  public Answer sendHeadOnly(String method, String path, Map<String, String> headers, long declaredLength) {
    try (Socket socket = connect()) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put("Content-Length", Long.toString(declaredLength));
      socket.getOutputStream().write(head(method, path, all));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " from " + localAddress, e);
    }
  }

  /**
   * Sends {@code prefix}, then {@code fillerBytes} times the letter x, then {@code suffix}, in chunks
   * of 64 kB, never holding more than one chunk; reads the answer while the body is still being sent
   * (a server may answer, and close, before the end). Returns the answer and how much was sent.
   */
  public Streamed sendChunked(String method, String path, Map<String, String> headers, String prefix,
      long fillerBytes, String suffix) {
    try (Socket socket = connect()) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put("Transfer-Encoding", "chunked");
      OutputStream out = socket.getOutputStream();
      out.write(head(method, path, all));
      out.flush();
      AtomicLong sent = new AtomicLong();
      Thread writer = new Thread(() -> {
        try {
          chunk(out, prefix.getBytes(StandardCharsets.UTF_8), sent);
          byte[] filler = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
          for (long left = fillerBytes; left > 0; left -= filler.length) {
            chunk(out, left >= filler.length ? filler : Arrays.copyOf(filler, (int) left), sent);
          }
          chunk(out, suffix.getBytes(StandardCharsets.UTF_8), sent);
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException closedByServer) {
          // The server answered and closed the connection before the body's end: expected for a refusal.
        }
      }, "chunked-body-writer");
      writer.setDaemon(true);
      writer.start();
      Answer answer = read(socket.getInputStream());
      socket.close();
      writer.join(10_000);
      return new Streamed(answer, sent.get());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " from " + localAddress, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The answer to a streamed body, and how many body bytes had been sent when it came. */
  public record Streamed(Answer answer, long bytesSent) {
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(60_000);
    return socket;
  }

  private byte[] head(String method, String path, Map<String, String> headers) {
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void chunk(OutputStream out, byte[] data, AtomicLong sent) throws IOException {
    if (data.length == 0) {
      return;
    }
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    sent.addAndGet(data.length);
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("The connection closed without an answer");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<String> encoding = headers.getOrDefault("Transfer-Encoding", List.of());
    List<String> length = headers.getOrDefault("Content-Length", List.of());
    if (!encoding.isEmpty() && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else if (!length.isEmpty()) {
      body.write(in.readNBytes(Integer.parseInt(length.get(0))));
    } else {
      in.transferTo(body);
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  /** A line ending in CRLF, without it; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
