package dev.collectflow.client;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of the client languages the company supports (null counts as valid: the default applies). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SupportedLanguage.Validator.class)
public @interface SupportedLanguage {

    String message() default "must be one of the supported languages";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SupportedLanguage, String> {

        private final ClientLanguages languages;

        public Validator(ClientLanguages languages) {
            this.languages = languages;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || languages.isSupported(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of the supported languages "
                    + String.join(", ", languages.supported())).addConstraintViolation();
            return false;
        }
    }
}
