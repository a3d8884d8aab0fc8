package org.imrplatform.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a person could mean for the center's work: from {@link #EARLIEST} to {@link #LATEST}. Catches typed years
 * such as 0202 or 9999 that browsers and spreadsheets let through. An empty date is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReasonableDate.Check.class)
public @interface ReasonableDate {

    LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    LocalDate LATEST = LocalDate.of(2100, 12, 31);

    String message() default "{date.outOfRange}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ReasonableDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !(date.isBefore(EARLIEST) || date.isAfter(LATEST));
        }
    }
}
