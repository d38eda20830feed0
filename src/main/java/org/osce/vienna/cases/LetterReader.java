package org.osce.vienna.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/** Reads the {@code letter} JSON strictly enough to name the field of a malformed letter. */
public final class LetterReader {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private LetterReader() {
  }

  public static Letter read(String json) {
    try {
      return MAPPER.readValue(json, Letter.class);
    } catch (JsonMappingException e) {
      String path = e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw InvalidInputException.single("Invalid letter", path.isEmpty() ? "letter" : "letter." + path,
          "has the wrong shape: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw InvalidInputException.single("Invalid letter", "letter", "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static String write(Letter letter) {
    try {
      return MAPPER.writeValueAsString(letter);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a letter as JSON", e);
    }
  }
}
