package org.osce.vienna.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 date-time with an offset, as the contract and Camunda Forms write them
 * ({@code 2021-11-04T10:00:00+01:00}); without the offset it would be read in the server's zone. Null passes.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDateTime.Validator.class)
public @interface IsoDateTime {

  String message() default "is not an ISO-8601 date-time with an offset, e.g. 2021-11-04T10:00:00+01:00";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<IsoDateTime, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        OffsetDateTime.parse(value.strip());
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }
}
