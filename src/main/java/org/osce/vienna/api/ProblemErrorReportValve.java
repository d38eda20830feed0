package org.osce.vienna.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers as {@code application/problem+json} the requests that Tomcat refuses before the application
 * sees them: an address with a NUL or another control character, an encoded slash or backslash, a
 * broken %-escape or a space, or a request line or header it cannot read. Tomcat's own error report
 * valve would answer them with an HTML page. This one takes its place on the host, so it answers any
 * error that reaches the host without a body; it says what went wrong in general terms and nothing
 * about the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's valve: only an error, only once, only when nothing was written yet.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", status == 400
        ? "The request was refused before it was read: its address or a header is not valid here (for instance"
            + " an encoded slash or backslash, a NUL or another control character, or a broken %-escape in the"
            + " path). Nothing was done."
        : status < 500 ? "The request was refused before it was read. Nothing was done."
            : "The request could not be carried out.");
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client has gone, or the response cannot take a body any more: there is nobody to tell.
    }
  }

  /**
   * Puts this valve in place of the host's error report valves. Runs after Spring Boot's own customizer
   * (lowest precedence), which adds Tomcat's valve; the host's valve class is set too, or Tomcat would
   * add its default one again when the host starts.
   */
  @Component
  static class Installation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          Pipeline pipeline = host.getPipeline();
          for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
              pipeline.removeValve(valve);
            }
          }
          pipeline.addValve(new ProblemErrorReportValve());
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
