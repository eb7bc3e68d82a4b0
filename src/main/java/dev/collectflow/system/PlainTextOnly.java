package dev.collectflow.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text is {@link PlainText}: no control characters (line breaks and tabs only when {@link #multiline()}), no
 * characters that change the writing direction, no invisible ones. Markup is allowed; it is text (null is valid).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextOnly.Validator.class)
public @interface PlainTextOnly {

    /** Whether line breaks and tabs are allowed, as in a note. */
    boolean multiline() default false;

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainTextOnly, CharSequence> {

        private boolean multiline;

        @Override
        public void initialize(PlainTextOnly constraint) {
            multiline = constraint.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            String problem = value == null ? null : PlainText.problem(value.toString(), multiline);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(ConstraintMessages.literal(problem)).addConstraintViolation();
            return false;
        }
    }
}
