package org.osce.vienna.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The final letter as a PDF document, rendered from its HTML (the A4 page, margins and "Page X of
 * Y" come from the template's CSS). Rendered on demand from the HTML kept with the case, so the
 * PDF and the HTML can never say different things.
 *
 * <p>The same letter is wanted several times within moments: delivery sends it to the signatories, informing
 * the participating States sends it to the 57, and a signatory opens it. Rendering costs more than anything else
 * a case does (docs/performance.md), so the last few letters rendered are kept, by their HTML: the same HTML
 * gives the same PDF, and a changed letter is a different key.
 */
@Component
public class LetterPdf {

  public static final String MEDIA_TYPE = "application/pdf";
  /** The family the template names; the PDF embeds this font so it reads the same everywhere. */
  static final String FONT_FAMILY = "DejaVu Serif";
  static final String FONT = "/fonts/DejaVuSerif.ttf";

  /** How many rendered letters are kept: those of the cases being delivered at the same time. */
  static final int KEPT = 8;

  private final byte[] font;
  /** The letters last rendered, by their HTML; two callers asking for the same letter at once render it once. */
  private final Cache<String, byte[]> rendered = Caffeine.newBuilder().maximumSize(KEPT).build();

  public LetterPdf() {
    try (InputStream in = LetterPdf.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("Font " + FONT + " is missing from the classpath");
      }
      this.font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param xhtml the composed letter (well-formed XHTML, as {@link LetterComposer} writes it) */
  public byte[] render(String xhtml) {
    // A copy: whoever receives it may not change what the next caller gets.
    return rendered.get(xhtml, this::renderAnew).clone();
  }

  private byte[] renderAnew(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // Embedded (as a subset): curly quotes and every name print without depending on the reader's fonts.
      builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("The letter could not be rendered as PDF", e);
    }
    return out.toByteArray();
  }

  /** The file name under which the letter of a case is attached or downloaded. */
  public static String fileName(String reference) {
    return "letter-" + reference + ".pdf";
  }
}
