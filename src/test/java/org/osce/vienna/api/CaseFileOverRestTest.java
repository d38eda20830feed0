package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.osce.vienna.identity.DemoCase;
import org.osce.vienna.support.H2ApplicationTest;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/cases/{reference}/file} over HTTP: the case file of the demo's recorded 2021 case, read
 * back with PDFBox, holds the letter, the reply's assessment and the timeline, in Vienna time and with
 * States by name; a delegation that may not see the case gets 404. Its first pages are drawn as PNG
 * (target/screenshots) for the README.
 */
@H2ApplicationTest
class CaseFileOverRestTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  @Test
  void theCaseFileOfThe2021CaseHoldsTheLetterTheAssessedReplyAndTheTimeline() throws Exception {
    HttpResponse<byte[]> answer = get("/api/cases/" + DemoCase.PAST_REFERENCE + "/file",
        TestUsers.officer(identityService, "DE"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(answer.body())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      // The letter as sent, with its signatories by name.
      assertThat(text).contains("The letter as sent", "Signed by 35 participating State(s)",
          "This letter is being sent to you on behalf of the following delegations:", "the United Kingdom",
          "Addressed to Belarus", "Where it stands Follow-up to be decided");
      // The reply, on time, and its assessment question by question.
      assertThat(text).contains("Received 12 November 2021, 12:00 (on time)", "Substantive no",
          "Question 1 Not answered", "Question 8 Not answered");
      // The timeline with the real dates, in Vienna time.
      assertThat(text).contains("4 November 2021, 12:00 Letter delivered", "Response received", "Response assessed",
          "Case recorded", "Times are Europe/Vienna time");
      assertThat(text).contains("No documents");

      Files.createDirectories(SCREENSHOTS);
      PDFRenderer renderer = new PDFRenderer(pdf);
      // The first page (the case and the letter as sent) and the last (the reply, its assessment, the timeline).
      for (int page : new int[] {0, pdf.getNumberOfPages() - 1}) {
        BufferedImage image = renderer.renderImageWithDPI(page, 80);
        ImageIO.write(image, "png", SCREENSHOTS.resolve(page == 0 ? "22-case-file-first-page.png"
            : "23-case-file-last-page.png").toFile());
      }
    }

    assertThat(get("/api/cases/" + DemoCase.PAST_REFERENCE + "/file", TestUsers.officer(identityService, "AM"))
        .statusCode()).as("a delegation that did not sign").isEqualTo(404);
    assertThat(get("/api/cases/VM-NO-SUCH-CASE/file", TestUsers.manager(identityService)).statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", LoopbackHttp.basic(user, TestUsers.password(user))).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
