package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * The one check of an email address typed into a form: something@something.something, no spaces, at most
 * 254 characters. Deliberately loose: the real test of an address is an email reaching it.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    public static final String FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.org";
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    public static boolean valid(@Nullable String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip();
        return a.length() <= MAX_LENGTH && SHAPE.matcher(a).matches();
    }

    /** The same check on a form record's field; blank passes (say so with @NotBlank when it is required). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Constraint(validatedBy = {})
    public @interface Valid {
        String message() default FORMAT_MESSAGE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
