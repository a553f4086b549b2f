package org.assure.kernel;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Bean Validation's side of {@link EmailAddress.Valid}. */
@Singleton
class EmailAddressValidator implements ConstraintValidator<EmailAddress.Valid, CharSequence> {
    @Override
    public boolean isValid(@Nullable CharSequence value, AnnotationValue<EmailAddress.Valid> annotation, ConstraintValidatorContext context) {
        return value == null || value.toString().isBlank() || EmailAddress.valid(value.toString());
    }
}
