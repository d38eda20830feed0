package org.osce.vienna.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A file checked to be kept with a case: a PDF, a Word document (.doc, .docx) or an image (PNG, JPEG,
 * TIFF), at most the limit, its type both declared and seen in its first bytes (a renamed program is
 * no PDF), its name made safe to show and to save. Every refusal names the field and what to do.
 */
public record DocumentFile(String name, String mediaType, byte[] content, String sha256) {

  /** The form field of the file, as the refusals name it. */
  public static final String FIELD = "file";
  static final int MAX_NAME_LENGTH = 200;
  private static final String OCTET_STREAM = "application/octet-stream";

  /** A type kept: its media type, the file name endings it goes by, and how its content begins. */
  enum Type {
    PDF("application/pdf", "PDF", List.of("pdf"), "%PDF-".getBytes(StandardCharsets.US_ASCII)),
    DOC("application/msword", "Word document (.doc)", List.of("doc"),
        bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
    // A .docx is a ZIP archive.
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document (.docx)",
        List.of("docx"), bytes(0x50, 0x4B, 0x03, 0x04)),
    PNG("image/png", "PNG image", List.of("png"), bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
    JPEG("image/jpeg", "JPEG image", List.of("jpg", "jpeg"), bytes(0xFF, 0xD8, 0xFF)),
    // TIFF begins with its byte order: little-endian (II*.) or big-endian (MM.*).
    TIFF("image/tiff", "TIFF image", List.of("tif", "tiff"), bytes(0x49, 0x49, 0x2A, 0x00),
        bytes(0x4D, 0x4D, 0x00, 0x2A));

    final String mediaType;
    final String label;
    final List<String> endings;
    final List<byte[]> beginnings;

    Type(String mediaType, String label, List<String> endings, byte[]... beginnings) {
      this.mediaType = mediaType;
      this.label = label;
      this.endings = endings;
      this.beginnings = List.of(beginnings);
    }

    boolean begins(byte[] content) {
      return beginnings.stream().anyMatch(b -> content.length >= b.length
          && Arrays.equals(content, 0, b.length, b, 0, b.length));
    }
  }

  /** The media types kept, as the refusals and the API description list them. */
  public static String allowedTypes() {
    return Arrays.stream(Type.values()).map(t -> t.mediaType + " (" + t.label + ")").collect(Collectors.joining(", "));
  }

  /**
   * Checks a file as sent. {@code declaredType} is the type the client gave the file; when it gave none
   * (or only {@code application/octet-stream}, as curl does for a .docx), the name's ending says which type
   * is meant. Either way the content must begin as that type does.
   *
   * @throws DocumentRefused a file too large, or of a type not kept (413, 415)
   * @throws InvalidInputException an empty file or one without a usable name (400)
   */
  public static DocumentFile read(String originalName, String declaredType, byte[] content, long maxBytes) {
    if (content.length > maxBytes) {
      throw DocumentRefused.tooLarge(content.length, maxBytes);
    }
    String name = safeName(originalName);
    if (content.length == 0) {
      throw InvalidInputException.single("Empty file", FIELD, "is empty: send the file itself");
    }
    Type type = type(name, declaredType);
    if (!type.begins(content)) {
      throw DocumentRefused.wrongType("is declared a " + type.label + " (" + type.mediaType
          + "), but its content is not one: send the " + type.label + " itself");
    }
    return new DocumentFile(name, type.mediaType, content, sha256(content));
  }

  private static Type type(String name, String declaredType) {
    String declared = declaredType == null ? "" : declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!declared.isEmpty() && !declared.equals(OCTET_STREAM)) {
      return Arrays.stream(Type.values()).filter(t -> t.mediaType.equals(declared)).findFirst()
          .orElseThrow(() -> DocumentRefused.wrongType("is of type " + declared + ", which is not kept: send "
              + allowedTypes()));
    }
    int dot = name.lastIndexOf('.');
    String ending = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(Type.values()).filter(t -> t.endings.contains(ending)).findFirst()
        .orElseThrow(() -> DocumentRefused.wrongType("has no type, and its name '" + name + "' does not say one:"
            + " declare its type, one of " + allowedTypes()));
  }

  /**
   * The name a document is shown and saved under: the last part of what the client sent (no folders),
   * without control characters or characters that file systems refuse, no leading dots, at most 200
   * characters with its ending kept.
   */
  static String safeName(String originalName) {
    String name = originalName == null ? "" : Normalizer.normalize(originalName, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[<>:\"|?*]", "_").strip()
        .replaceFirst("^\\.+", "").strip();
    if (name.isEmpty()) {
      throw InvalidInputException.single("No file name", FIELD, "has no file name: send it with its name"
          + " (Content-Disposition: form-data; name=\"file\"; filename=\"reply.pdf\")");
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      int dot = name.lastIndexOf('.');
      String ending = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      String base = name.substring(0, name.length() - ending.length());
      name = base.substring(0, base.offsetByCodePoints(0, MAX_NAME_LENGTH - ending.length())) + ending;
    }
    return name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  /** A file refused for its size (413) or its type (415); a field error on {@code file} as any other. */
  public static final class DocumentRefused extends InvalidInputException {

    /** Why: the HTTP status it is answered with. */
    public enum Reason { TOO_LARGE, WRONG_TYPE }

    private final Reason reason;

    private DocumentRefused(String what, Reason reason, String message) {
      super(what, Map.of(FIELD, message));
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }

    /** {@code size} negative when only the limit is known. */
    public static DocumentRefused tooLarge(long size, long maxBytes) {
      return new DocumentRefused("File too large", Reason.TOO_LARGE, (size < 0 ? "is larger than " + maxBytes
          : "has " + size) + " bytes; a document may have at most " + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MB): send a smaller file, or split it");
    }

    static DocumentRefused wrongType(String message) {
      return new DocumentRefused("File type not kept", Reason.WRONG_TYPE, message);
    }
  }
}
