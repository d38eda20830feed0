package org.osce.vienna.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.osce.vienna.casefile.FieldErrors;
import org.osce.vienna.casefile.StrictJson;

/**
 * Reads the {@code letter} JSON strictly ({@link StrictJson}), the same whether it comes with a case
 * API start or with the draft task over Tasklist or {@code /engine-rest}: every field of the wrong type
 * or unknown to the letter is named by its path ({@code letter.concerns[0].colour}), never dropped.
 */
public final class LetterReader {

  static final String WHOSE = "the letter";
  private static final String UNKNOWN = LetterReader.class.getName() + ".unknown";

  private static final ObjectMapper MAPPER = StrictJson.configure(JsonMapper.builder()
      .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .addHandler(new StrictJson.UnknownFieldNotes() {
        @Override
        @SuppressWarnings("unchecked")
        protected List<String> notes(DeserializationContext context, Class<?> type) {
          return (List<String>) context.getAttribute(UNKNOWN);
        }
      })
      .build());
  private static final ObjectReader READER = MAPPER.readerFor(Letter.class);

  private LetterReader() {
  }

  public static Letter read(String json) {
    List<String> unknown = new ArrayList<>();
    FieldErrors errors = new FieldErrors();
    Letter letter = null;
    try {
      letter = READER.withAttribute(UNKNOWN, unknown).readValue(json);
    } catch (JsonProcessingException e) {
      StrictJson.Problem problem = StrictJson.problem(e, WHOSE);
      errors.add(field(problem.path()), problem.message());
    }
    unknown.forEach(path -> errors.add(field(path), StrictJson.unknownField(WHOSE)));
    errors.throwIfAny("Invalid letter");
    return letter;
  }

  private static String field(String path) {
    return path.isEmpty() ? "letter" : "letter." + path;
  }

  public static String write(Letter letter) {
    try {
      return MAPPER.writeValueAsString(letter);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a letter as JSON", e);
    }
  }
}
