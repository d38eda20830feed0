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
import org.osce.vienna.casefile.ParticipatingStates;

/**
 * One of the 57 OSCE participating States, by ISO 3166 alpha-2 code (or English name), under the one
 * rule of {@link ParticipatingStates#find}; null and blank pass (required fields say so themselves).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StateCode.Validator.class)
public @interface StateCode {

  /** Why the value is no participating State, as {@link ParticipatingStates#whyNot} says. */
  String message() default "{problem}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<StateCode, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      String whyNot = ParticipatingStates.all().whyNot(value);
      if (whyNot == null) {
        return true;
      }
      // A message parameter, not part of the template: what the caller sent is never interpreted.
      context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("problem", whyNot);
      return false;
    }
  }
}
