package org.osce.vienna.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request body limit, however the body is sent. A declared {@code Content-Length} over the limit
 * is refused at once, unread; a body without one (chunked) is counted as it is read, and reading past
 * the limit throws {@link RequestBodyTooLargeException}, which the case API (Spring MVC) and
 * {@code /engine-rest} (Jersey) answer 413. Whatever else turns it into an error, this filter answers
 * 413 in its place, as long as nothing has been sent yet. So no body larger than the limit is ever
 * held in memory.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

  private final RequestBodySettings settings;

  public RequestBodyLimit(RequestBodySettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = settings.limitFor(request.getRequestURI().substring(request.getContextPath().length()));
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      Problems.write(request, response, RequestBodyTooLargeException.problem(limit, declared));
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, limit);
    try {
      chain.doFilter(limited, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!limited.exceeded() || response.isCommitted()) {
        throw e;
      }
    }
    if (limited.exceeded() && response.getStatus() != HttpStatus.PAYLOAD_TOO_LARGE.value() && !response.isCommitted()) {
      Problems.write(request, response, RequestBodyTooLargeException.problem(limit, null));
    }
  }

  /** The request with its body counted as it is read. */
  static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private LimitedInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    boolean exceeded() {
      return stream != null && stream.exceeded;
    }
  }

  /** Reads at most one byte past the limit, then throws, and throws again on every further read. */
  static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;
    private boolean exceeded;

    LimitedInputStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      checkNotExceeded();
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      checkNotExceeded();
      int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws RequestBodyTooLargeException {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new RequestBodyTooLargeException(limit);
      }
    }

    private void checkNotExceeded() throws RequestBodyTooLargeException {
      if (exceeded) {
        throw new RequestBodyTooLargeException(limit);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
