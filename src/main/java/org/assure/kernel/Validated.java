package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;

/**
 * What a service makes of a form: the value it produced, or the errors to show beside the fields
 * (the page again, 422). Refusals that are not about the typed input are {@link Refusal}s.
 */
public record Validated<T>(@Nullable T value, FormErrors errors) {

    public static <T> Validated<T> valid(T value) {
        return new Validated<>(value, FormErrors.none());
    }

    public static <T> Validated<T> invalid(FormErrors errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid form needs at least one error");
        }
        return new Validated<>(null, errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
