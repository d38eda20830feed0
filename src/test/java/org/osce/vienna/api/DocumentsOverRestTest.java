package org.osce.vienna.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osce.vienna.support.LoopbackHttp.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osce.vienna.support.LoopbackHttp;
import org.osce.vienna.support.TestUsers;

/**
 * Documents kept with a case, over HTTP on PostgreSQL (bytea): a PDF reply uploaded by the lead and read back
 * byte for byte by a co-signatory, listed in the case and in its case file; what is refused (too large, not
 * of a type kept, not the lead's to add, not the caller's to see) and that a refusal keeps nothing.
 */
class DocumentsOverRestTest extends ApiTestSupport {

  private static final String BOUNDARY = "vm-test-boundary-7d1f";
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  String officerGb;
  String headDe;
  String officerAm;

  @BeforeEach
  void users() {
    officerGb = TestUsers.officer(identityService, "GB");
    headDe = TestUsers.head(identityService, "DE");
    officerAm = TestUsers.officer(identityService, "AM");
  }

  /** A case of the United Kingdom's to Belarus, Germany invited to co-sign (so it sees the case), Armenia not. */
  private String newCase(String reference) {
    Answer started = post(officerGb, "/api/cases", RefusalsOverRestTest.start(reference,
        b -> b.putArray("invitedDelegations").add("DE")));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return reference;
  }

  @Test
  void aPdfReplyIsKeptListedAndReadBackByteForByteByACoSignatory() throws Exception {
    String reference = newCase("VM-DOC-01");
    byte[] pdf = pdf("Note verbale No. 09-12/345: Belarus rejects the invocation.");

    Upload added = upload(officerGb, reference, "Réponse du Bélarus 12.11.2021.pdf", "application/pdf", pdf, "REPLY");

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode entry = JSON.readTree(added.body());
    assertThat(entry.path("name").asText()).isEqualTo("Réponse du Bélarus 12.11.2021.pdf");
    assertThat(entry.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(entry.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(entry.path("kind").asText()).isEqualTo("REPLY");
    assertThat(entry.path("addedBy").asText()).isEqualTo(officerGb);
    assertThat(entry.path("addedAt").asText()).endsWith(":00").contains("T");
    String id = entry.path("id").asText();
    assertThat(added.location()).isEqualTo("/api/cases/" + reference + "/documents/" + id);

    // The case lists it, and its timeline says who added it.
    JsonNode view = view(headDe, reference);
    assertThat(view.path("documents")).hasSize(1);
    assertThat(view.path("documents").get(0)).isEqualTo(entry);
    assertThat(view.path("timeline").findValues("event").stream().map(JsonNode::asText)).contains("DOCUMENT_ADDED");

    // A co-signatory downloads it: the same bytes, to be saved, never sniffed as something else.
    HttpResponse<byte[]> download = download(headDe, added.location());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"R_ponse du B_larus 12.11.2021.pdf\";"
            + " filename*=UTF-8''R%C3%A9ponse%20du%20B%C3%A9larus%2012.11.2021.pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    // The case file lists it.
    HttpResponse<byte[]> file = download(headDe, "/api/cases/" + reference + "/file");
    try (PDDocument read = Loader.loadPDF(file.body())) {
      String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
      assertThat(text).contains("Réponse du Bélarus 12.11.2021.pdf", "Reply", "Vienna time", officerGb)
          .doesNotContain("No documents");
    }

    // A delegation not invited learns nothing of it; nobody reads it anonymously; an unknown id is 404.
    HttpResponse<byte[]> uninvited = download(officerAm, added.location());
    assertThat(uninvited.statusCode()).isEqualTo(404);
    assertThat(uninvited.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
    assertThat(new String(uninvited.body(), StandardCharsets.UTF_8)).doesNotContain("Bélarus");
    assertThat(download(null, added.location()).statusCode()).isEqualTo(401);
    assertThat(download(headDe, "/api/cases/" + reference + "/documents/" + java.util.UUID.randomUUID()).statusCode())
        .isEqualTo(404);
    // The OpenAPI description shows the upload as a form with the file and its kind.
    JsonNode upload = get(officerGb, "/v3/api-docs").json().path("paths").path("/api/cases/{reference}/documents")
        .path("post");
    assertThat(upload.path("requestBody").path("content").path("multipart/form-data").path("schema")
        .path("properties").has("file")).as(upload.toString()).isTrue();
    assertThat(upload.path("responses").has("415")).isTrue();
    // Nor does another case's address lead to it.
    String other = newCase("VM-DOC-01B");
    assertThat(download(headDe, "/api/cases/" + other + "/documents/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyTheLeadAddsDocumentsAndARefusedUploadKeepsNothing() throws Exception {
    String reference = newCase("VM-DOC-02");
    byte[] pdf = pdf("An annex.");

    // A co-signatory sees the case but does not add to it; an uninvited delegation does not see it.
    assertRefused(upload(headDe, reference, "annex.pdf", "application/pdf", pdf, "ANNEX"), 403, "Not allowed", null);
    assertRefused(upload(officerAm, reference, "annex.pdf", "application/pdf", pdf, "ANNEX"), 404, "Case not found",
        null);
    assertThat(upload(null, reference, "annex.pdf", "application/pdf", pdf, "ANNEX").status()).isEqualTo(401);

    // A program renamed as a PDF, a type not kept, a file without type or telling name: 415, naming the file.
    byte[] program = "MZ\u0090\u0000 This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(upload(officerGb, reference, "reply.pdf", "application/pdf", program, "REPLY"), 415,
        "File type not kept", "is declared a PDF (application/pdf), but its content is not one");
    assertRefused(upload(officerGb, reference, "setup.exe", "application/x-msdownload", program, "OTHER"), 415,
        "File type not kept", "is of type application/x-msdownload, which is not kept");
    assertRefused(upload(officerGb, reference, "reply", "application/octet-stream", pdf, "REPLY"), 415,
        "File type not kept", "does not say one");
    // No kind, an unknown kind, an empty file: 400 naming the field.
    assertThat(assertRefused(upload(officerGb, reference, "annex.pdf", "application/pdf", pdf, "MEMO"), 400,
        "Invalid request", null).path("fieldErrors").path("kind").asText())
        .contains("'MEMO' is not one of [REPLY, ANNEX, NOTE_VERBALE, OTHER]");
    assertThat(assertRefused(upload(officerGb, reference, "annex.pdf", "application/pdf", new byte[0], "ANNEX"), 400,
        "Invalid request", null).path("fieldErrors").path("file").asText()).contains("is empty");

    // A 21 MB file: refused 413 as it is read (the form sent without a length, as a stream)...
    LoopbackHttp client = new LoopbackHttp("127.0.0.1", port);
    Map<String, String> headers = Map.of("Authorization", basic(officerGb, TestUsers.password(officerGb)),
        "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    long size = 21L * 1024 * 1024;
    LoopbackHttp.Streamed streamed = client.sendChunked("POST", "/api/cases/" + reference + "/documents", headers,
        new String(partHead("big.pdf", "application/pdf"), StandardCharsets.UTF_8), size,
        "\r\n" + kindPart("REPLY") + "--" + BOUNDARY + "--\r\n");
    JsonNode problem = assertProblem(streamed.answer().status(), streamed.answer().header("Content-Type"),
        streamed.answer().body(), 413, "File too large");
    assertThat(problem.path("fieldErrors").path("file").asText())
        .contains("a document may have at most " + 20 * 1024 * 1024 + " bytes (20 MB)");
    // ...and at once, unread, when its length is declared.
    LoopbackHttp.Answer declared = client.sendHeadOnly("POST", "/api/cases/" + reference + "/documents", headers,
        size + 300);
    assertThat(assertProblem(declared.status(), declared.header("Content-Type"), declared.body(), 413,
        "Request body too large").path("detail").asText()).contains("at most " + 21 * 1024 * 1024 + " bytes");

    // A JSON body is no upload.
    assertThat(post(officerGb, "/api/cases/" + reference + "/documents", Map.of("kind", "REPLY")).status())
        .isEqualTo(415);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_document WHERE case_reference = ?", Integer.class,
        reference)).as("documents kept after refusals").isZero();
    assertThat(view(officerGb, reference).path("documents")).isEmpty();

    // The application goes on taking documents: a Word file sent as curl sends it (no type, its name's ending).
    byte[] docx = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};
    Upload word = upload(officerGb, reference, "C:\\Users\\gb\\Annex <1>.docx", "application/octet-stream", docx,
        "annex");
    assertThat(word.status()).as(word.body()).isEqualTo(201);
    assertThat(JSON.readTree(word.body()).path("name").asText()).isEqualTo("Annex _1_.docx");
    assertThat(JSON.readTree(word.body()).path("mediaType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(JSON.readTree(word.body()).path("kind").asText()).isEqualTo("ANNEX");
  }

  // ---- the calls

  record Upload(int status, String contentType, String location, String body) {
  }

  private Upload upload(String user, String reference, String fileName, String type, byte[] content, String kind)
      throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(partHead(fileName, type));
    body.write(content);
    body.write(("\r\n" + kindPart(kind) + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/cases/" + reference + "/documents")))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    authorize(request, user);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Upload(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
        response.headers().firstValue("Location").orElse(null), response.body());
  }

  private HttpResponse<byte[]> download(String user, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    authorize(request, user);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void authorize(HttpRequest.Builder request, String user) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static byte[] partHead(String fileName, String type) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName.replace("\"", "%22") + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String kindPart(String kind) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n";
  }

  private static JsonNode assertRefused(Upload answer, int status, String title, String fileError) throws IOException {
    JsonNode problem = assertProblem(answer.status(), answer.contentType(), answer.body(), status, title);
    if (fileError != null) {
      assertThat(problem.path("fieldErrors").path("file").asText()).contains(fileError);
    }
    return problem;
  }

  private static JsonNode assertProblem(int status, String contentType, String body, int expected, String title)
      throws IOException {
    assertThat(status).as(body).isEqualTo(expected);
    assertThat(contentType).startsWith(PROBLEM_JSON);
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.path("title").asText()).isEqualTo(title);
    return problem;
  }

  /** A one-page PDF, as a ministry's system would send a scanned reply. */
  private static byte[] pdf(String text) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }
}
