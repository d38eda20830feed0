package org.osce.vienna.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.osce.vienna.casefile.CaseRecords.CaseRecord;
import org.osce.vienna.casefile.DocumentFile;
import org.osce.vienna.casefile.DocumentKind;
import org.osce.vienna.casefile.Documents;
import org.osce.vienna.casefile.Documents.Document;
import org.osce.vienna.casefile.InvalidInputException;
import org.osce.vienna.casefile.NotActingForLead;
import org.osce.vienna.casefile.Timeline;
import org.osce.vienna.casefile.TimelineEvent;
import org.osce.vienna.engine.EngineClock;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents kept with a case (contract: procedure.md, "Documents"): uploaded by the lead delegation as
 * {@code multipart/form-data}, read by whoever may see the case ({@link CaseVisibility}), listed in the case
 * ({@link CaseViews}). What may be kept is {@link DocumentFile}'s rule.
 */
@RestController
@RequestMapping(path = "/api/cases/{reference}/documents")
@Tag(name = "Cases")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials", content = @Content(
    mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
public class DocumentApi {

  private final CaseVisibility visibility;
  private final Documents documents;
  private final Timeline timeline;
  private final TransactionTemplate transactions;
  private final MultipartProperties multipart;
  private final CaseViews views;

  public DocumentApi(CaseVisibility visibility, Documents documents, Timeline timeline,
      TransactionTemplate transactions, MultipartProperties multipart, CaseViews views) {
    this.views = views;
    this.visibility = visibility;
    this.documents = documents;
    this.timeline = timeline;
    this.transactions = transactions;
    this.multipart = multipart;
  }

  @Operation(summary = "Add a document to the case", description = """
      `multipart/form-data` with the part `file` (its file name is the document's name, made safe) and
      `kind`: `REPLY`, `ANNEX`, `NOTE_VERBALE` or `OTHER`. Kept: PDF, Word (.doc, .docx), PNG, JPEG and
      TIFF images, at most 20 MB; the type declared for the file (or, when none or
      `application/octet-stream` is declared, its name's ending) must match how its content begins. The
      lead delegation's officers and heads and the administrators add documents. A refused upload keeps
      nothing.""")
  @ApiResponse(responseCode = "201", description = "Kept; `Location` is its download address",
      content = @Content(schema = @Schema(implementation = CaseView.DocumentEntry.class)))
  @ApiResponse(responseCode = "400", description = "No file, an empty file or one without a name, or no or an"
      + " unknown kind; `fieldErrors` names each", content = @Content(mediaType = CaseApi.PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The caller does not act for the lead delegation",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "The file is larger than 20 MB",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "415", description = "The file is not of a type kept, or its content is not of the"
      + " type declared", content = @Content(mediaType = CaseApi.PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = """
              {"type":"about:blank","title":"File type not kept","status":415,
               "detail":"File type not kept: file is declared a PDF (application/pdf), but its content is not one: send the PDF itself",
               "instance":"/api/cases/VM-2021-BY-01/documents",
               "fieldErrors":{"file":"is declared a PDF (application/pdf), but its content is not one: send the PDF itself"}}""")))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseView.DocumentEntry> add(@PathVariable String reference,
      @RequestParam(name = DocumentFile.FIELD, required = false) MultipartFile file,
      @Parameter(schema = @Schema(implementation = DocumentKind.class))
      @RequestParam(name = "kind", required = false) String kind, HttpServletRequest request) {
    ApiCaller caller = ApiAuthentication.caller(request);
    CaseRecord c = visibility.require(caller, reference);
    if (!caller.actsFor(c.leadDelegation())) {
      throw new NotActingForLead("Document refused", "leadDelegation", c.leadDelegation(), caller.userId(),
          "add documents to its cases");
    }
    DocumentKind documentKind = kind(kind);
    if (file == null) {
      throw InvalidInputException.single("No file", DocumentFile.FIELD, "is required: the document, as the form"
          + " part 'file' with its file name");
    }
    DocumentFile checked = DocumentFile.read(file.getOriginalFilename(), file.getContentType(), bytes(file),
        multipart.getMaxFileSize().toBytes());
    Document added = transactions.execute(transaction -> {
      Document document = documents.add(c.reference(), checked, documentKind, caller.userId(), EngineClock.now());
      timeline.record(c.reference(), document.addedAt(), TimelineEvent.DOCUMENT_ADDED, caller.userId(),
          documentKind + ": " + document.name());
      return document;
    });
    return ResponseEntity.created(URI.create(CaseViews.documentPath(c.reference(), added.id())))
        .body(views.document(added));
  }

  @Operation(summary = "Download a document of the case", description = """
      The document's bytes, as its media type, to be saved (`Content-Disposition: attachment`). Whoever
      may see the case may read its documents; 404 otherwise, and for an id the case has no document of.""")
  @ApiResponse(responseCode = "200", description = "The document",
      content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE))
  @ApiResponse(responseCode = "404", description = "No such case that the caller may see, or no such document in it",
      content = @Content(mediaType = CaseApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}")
  public ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable String id,
      HttpServletRequest request) {
    CaseRecord c = visibility.require(ApiAuthentication.caller(request), reference);
    Document document = documents.find(c.reference(), id).orElseThrow(() -> new CaseApiException(
        HttpStatus.NOT_FOUND, "Document not found", "Case " + reference + " has no document '" + id
            + "': its documents are listed in the case (documents)"));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.name()))
        .body(documents.content(document));
  }

  private static DocumentKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      throw InvalidInputException.single("No kind", "kind", "is required: one of " + List.of(DocumentKind.values()));
    }
    try {
      return DocumentKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.single("Unknown kind", "kind", "'" + kind + "' is not one of "
          + List.of(DocumentKind.values()));
    }
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The uploaded file could not be read", e);
    }
  }

  /**
   * {@code attachment; filename="…"; filename*=UTF-8''…} (RFC 6266): the name as it is for every browser
   * of the last decade, and in plain ASCII (other characters as _) for older clients.
   */
  static String attachment(String name) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xFF);
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || "!#$&+-.^_`|~".indexOf(ch) >= 0) {
        encoded.append(ch);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
