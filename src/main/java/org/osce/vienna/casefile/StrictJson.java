package org.osce.vienna.casefile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * How JSON input is read, wherever it comes from (a case API body, the letter from any source): a
 * value of the wrong type is refused, never converted (12 is not the text "12"; 10.5 and "10" are not
 * a whole number; "true" is not true); a key given twice is refused, never "the last one wins";
 * nothing may follow the value. What is wrong is named by its path ({@code concerns[0].topic}), in
 * plain words.
 */
public final class StrictJson {

  private StrictJson() {
  }

  /**
   * Makes {@code mapper} read strictly: the case API's (Spring MVC's) and the letter's. Camunda's REST
   * API and Spin keep mappers of their own; what they hand over is read again here.
   */
  public static <M extends ObjectMapper> M configure(M mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    for (CoercionInputShape shape : List.of(CoercionInputShape.Float, CoercionInputShape.String,
        CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
    }
    for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Integer,
        CoercionInputShape.Float)) {
      mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /** The path of the field a mapping problem is about, e.g. {@code concerns[0].topic}; empty for the whole. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * The path of the field a parser stands at, e.g. the key given twice. At an object or array value the
   * parser already stands inside it, in a context with no name or index yet: its parent names the field.
   */
  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray() && c.hasCurrentIndex()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.inObject() && c.hasCurrentName()) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** What is wrong where: the path of the field (empty for the whole input) and, in plain words, what. */
  public record Problem(String path, String message) {
  }

  /**
   * What is wrong with JSON that could not be read: a key given twice, a syntax error (with its line and
   * column), something after the value, a value of the wrong type, a field unknown to {@code whose}.
   */
  public static Problem problem(JsonProcessingException e, String whose) {
    // Jackson wraps a syntax error inside a field's value (a key twice in the letter) with that field's path.
    JsonProcessingException cause = e instanceof JsonMappingException && e.getCause() instanceof StreamReadException read
        ? read : e;
    String original = String.valueOf(cause.getOriginalMessage());
    if (cause instanceof StreamReadException read && read.getProcessor() != null
        && original.startsWith("Duplicate field")) {
      return new Problem(path(read.getProcessor().getParsingContext()), "is given twice: give each field once");
    }
    if (cause instanceof StreamReadException) {
      return new Problem("", "is not valid JSON" + where(cause) + ": " + original);
    }
    if (cause instanceof MismatchedInputException && original.startsWith("Trailing token")) {
      return new Problem("", "goes on after its JSON value" + where(cause) + ": send one JSON value");
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new Problem(path(unknown), unknownField(whose));
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return new Problem(path(mismatch), "must be " + expected(mismatch.getTargetType()) + sent(mismatch));
    }
    if (cause instanceof JsonMappingException mapping) {
      return new Problem(path(mapping), "has the wrong shape: " + original);
    }
    return new Problem("", "cannot be read: " + original);
  }

  public static String unknownField(String whose) {
    return "is not a field of " + whose;
  }

  /** The value refused, when it is a single one: ", not 10.5", ", not the text '10'". */
  private static String sent(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null
        || !parser.currentToken().isScalarValue()) {
      return "";
    }
    try {
      String text = parser.getText();
      text = text.length() > 60 ? text.substring(0, 57) + "..." : text;
      return parser.currentToken() == JsonToken.VALUE_STRING ? ", not the text '" + text + "'" : ", not " + text;
    } catch (IOException unreadable) {
      return "";
    }
  }

  /** Where in the input: " at line 3, column 12". */
  private static String where(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (type == String.class || type.isEnum()) {
      return "text";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a JSON object";
  }

  /**
   * Notes each unknown field by its path instead of failing at the first, so one answer names them all.
   * Where the notes go is up to the reader; without a place for them, an unknown field fails as usual.
   */
  public abstract static class UnknownFieldNotes extends DeserializationProblemHandler {

    /** Where to note the unknown fields of this reading of {@code type}, or null when they are not noted. */
    protected abstract List<String> notes(DeserializationContext context, Class<?> type);

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      List<String> notes = notes(context, beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass());
      if (notes == null) {
        return false;
      }
      notes.add(path(p.getParsingContext()));
      p.skipChildren();
      return true;
    }
  }
}
