package org.osce.vienna.engine;

import java.util.Map;
import org.osce.vienna.casefile.InvalidInputException;

/**
 * One variable an input takes, and what it must be: written once, for the Java that reads the input
 * ({@link InputReader}) and for the test that holds each form to it.
 *
 * @param whenMissing what a user reads when it is missing, e.g. "is required: summarise what the response
 *     says"; null when the field is optional
 * @param maxLength for text, the most characters; null otherwise
 * @param min for numbers, the smallest value; null otherwise
 * @param max for numbers, the largest value; null otherwise
 * @param label what a user calls it, to begin a sentence about it, e.g. "the response's date of receipt";
 *     null for the name alone
 */
public record Field(String name, Kind kind, String whenMissing, Integer maxLength, Integer min, Integer max,
    String label) {

  /** The value types of the contract. */
  public enum Kind { TEXT, STATE, CHOICE, BOOLEAN, NUMBER, DATE_TIME, DATE, JSON, TEXT_LIST }

  public static Field text(String name, int maxLength) {
    return new Field(name, Kind.TEXT, null, maxLength, null, null, null);
  }

  /** A participating State, by code or name (the one rule of ParticipatingStates). */
  public static Field state(String name) {
    return new Field(name, Kind.STATE, null, null, null, null, null);
  }

  /** One of a fixed set of values, e.g. an assessment. */
  public static Field choice(String name) {
    return new Field(name, Kind.CHOICE, null, null, null, null, null);
  }

  public static Field bool(String name) {
    return new Field(name, Kind.BOOLEAN, null, null, null, null, null);
  }

  public static Field number(String name, int min, int max) {
    return new Field(name, Kind.NUMBER, null, null, min, max, null);
  }

  public static Field dateTime(String name) {
    return new Field(name, Kind.DATE_TIME, null, null, null, null, null);
  }

  /** A calendar day, without a time (the forms' date fields). */
  public static Field date(String name) {
    return new Field(name, Kind.DATE, null, null, null, null, null);
  }

  public static Field json(String name) {
    return new Field(name, Kind.JSON, null, null, null, null, null);
  }

  public static Field textList(String name) {
    return new Field(name, Kind.TEXT_LIST, null, null, null, null, null);
  }

  /** The same field, required; {@code whenMissing} is what the user reads without it. */
  public Field required(String whenMissing) {
    return new Field(name, kind, whenMissing, maxLength, min, max, label);
  }

  /** The same field, with what a user calls it (a diplomat reads it, in Tasklist, before what is wrong). */
  public Field labelled(String label) {
    return new Field(name, kind, whenMissing, maxLength, min, max, label);
  }

  /** A refusal of this field alone, named by its label in the message a user reads. */
  public InvalidInputException refusal(String what, String message) {
    return new InvalidInputException(what, Map.of(name, message), label == null ? Map.of() : Map.of(name, label));
  }

  public boolean isRequired() {
    return whenMissing != null;
  }
}
