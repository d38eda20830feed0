package org.osce.vienna.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osce.vienna.casefile.DocumentFile.DocumentRefused;

/** What may be kept with a case: the types by their first bytes, the size, the name made safe. */
class DocumentFileTest {

  static final long MB20 = 20L * 1024 * 1024;

  @ParameterizedTest(name = "{0} declared {1}")
  @CsvSource({
      "reply.pdf,      application/pdf,           255044462D,       application/pdf",
      "reply.doc,      application/msword,        D0CF11E0A1B11AE1, application/msword",
      "reply.docx,     ,                          504B0304,         application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "scan.png,       image/png,                 89504E470D0A1A0A, image/png",
      "scan.JPG,       application/octet-stream,  FFD8FFE0,         image/jpeg",
      "scan.tif,       image/tiff,                49492A00,         image/tiff",
      "scan.tiff,      IMAGE/TIFF; name=scan,     4D4D002A,         image/tiff"})
  void eachTypeKeptIsRecognisedByItsFirstBytes(String name, String declared, String firstBytes, String kept) {
    DocumentFile file = DocumentFile.read(name, declared, bytes(firstBytes + "00"), MB20);
    assertThat(file.mediaType()).isEqualTo(kept);
    assertThat(file.sha256()).hasSize(64);
  }

  @Test
  void aRenamedProgramAnUnknownTypeAndANamelessTypelessFileAreRefusedAsTypes() {
    byte[] program = "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> DocumentFile.read("reply.pdf", "application/pdf", program, MB20))
        .isInstanceOfSatisfying(DocumentRefused.class, e -> {
          assertThat(e.reason()).isEqualTo(DocumentRefused.Reason.WRONG_TYPE);
          assertThat(e.fieldErrors().get("file")).contains("its content is not one");
        });
    // Declared as a PNG, the content is a PDF: the declaration is not taken on trust either way.
    assertThatThrownBy(() -> DocumentFile.read("reply.png", "image/png", bytes("255044462D"), MB20))
        .isInstanceOf(DocumentRefused.class);
    assertThatThrownBy(() -> DocumentFile.read("page.html", "text/html", bytes("3C68746D6C3E"), MB20))
        .hasMessageContaining("text/html, which is not kept");
    assertThatThrownBy(() -> DocumentFile.read("setup.exe", null, program, MB20))
        .hasMessageContaining("does not say one");
  }

  @Test
  void aFileOverTheLimitIsRefusedAsTooLargeAndAnEmptyOneAsBadInput() {
    assertThatThrownBy(() -> DocumentFile.read("reply.pdf", "application/pdf", new byte[11], 10))
        .isInstanceOfSatisfying(DocumentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(DocumentRefused.Reason.TOO_LARGE))
        .hasMessageContaining("has 11 bytes; a document may have at most 10 bytes");
    assertThatThrownBy(() -> DocumentFile.read("reply.pdf", "application/pdf", new byte[0], MB20))
        .isNotInstanceOf(DocumentRefused.class).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is empty");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      /home/gb/reply.pdf              | reply.pdf
      C:\\Users\\gb\\Reply <final>.pdf  | Reply _final_.pdf
      ..\\..\\etc\\passwd.pdf          | passwd.pdf
      '  .hidden.pdf  '               | hidden.pdf
      'a\u0000b\u202Ec.pdf'           | abc.pdf
      Réponse du Bélarus.pdf          | Réponse du Bélarus.pdf
      """)
  void theNameIsMadeSafe(String sent, String kept) {
    assertThat(DocumentFile.safeName(sent)).isEqualTo(kept);
  }

  @Test
  void aLongNameKeepsItsEndingAndANameOfNothingIsRefused() {
    String name = DocumentFile.safeName("x".repeat(300) + ".pdf");
    assertThat(name).hasSize(DocumentFile.MAX_NAME_LENGTH).endsWith("x.pdf");
    assertThatThrownBy(() -> DocumentFile.safeName("/tmp/...")).hasMessageContaining("has no file name");
    assertThatThrownBy(() -> DocumentFile.safeName(null)).hasMessageContaining("has no file name");
  }

  private static byte[] bytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
