package dev.collectflow.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The request's dates lie within the {@link IntakeDates} windows; each date outside is reported on its own field.
 * The request says which of its dates are which by implementing {@link Dated}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinIntakeWindows.Validator.class)
public @interface WithinIntakeWindows {

    String message() default "has dates outside the plausible windows";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request with dates that {@link IntakeDates} checks. */
    interface Dated {
        List<Violation> checkDates(IntakeDates dates);
    }

    class Validator implements ConstraintValidator<WithinIntakeWindows, Dated> {

        private final IntakeDates dates;

        public Validator(IntakeDates dates) {
            this.dates = dates;
        }

        @Override
        public boolean isValid(Dated request, ConstraintValidatorContext context) {
            List<Violation> violations = request == null ? List.of() : request.checkDates(dates);
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Violation violation : violations) {
                context.buildConstraintViolationWithTemplate(ConstraintMessages.literal(violation.message()))
                        .addPropertyNode(violation.field()).addConstraintViolation();
            }
            return false;
        }
    }
}
