package org.osce.vienna.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.osce.vienna.casefile.DateTimes;
import org.osce.vienna.casefile.InvalidInputException;

/**
 * An ISO-8601 date-time with an offset, as the contract and Camunda Forms write them
 * ({@code 2021-11-04T10:00:00+01:00}), within the dates a case can have: read by {@link DateTimes},
 * as the process reads it. Null passes.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDateTime.Validator.class)
public @interface IsoDateTime {

  /** What {@link DateTimes} says is wrong. */
  String message() default "{problem}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<IsoDateTime, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        DateTimes.parseText(value, "");
        return true;
      } catch (InvalidInputException e) {
        // A message parameter, not part of the template: what the caller sent is never interpreted.
        context.unwrap(HibernateConstraintValidatorContext.class)
            .addMessageParameter("problem", e.fieldErrors().values().iterator().next());
        return false;
      }
    }
  }
}
