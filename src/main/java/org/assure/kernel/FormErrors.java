package org.assure.kernel;

import jakarta.validation.ConstraintViolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The errors of one submitted form, in page order, for the error summary and the message beside each
 * field. Templates read {@code errors.has("email")} and {@code errors.message("email")}.
 */
public final class FormErrors {
    private final List<FieldError> all = new ArrayList<>();

    public record FieldError(String field, String message) {
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Bean Validation's violations, ordered as the record declares its fields. */
    public static <T> FormErrors of(Set<ConstraintViolation<T>> violations, List<String> fieldOrder) {
        FormErrors errors = new FormErrors();
        violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparingInt((FieldError e) -> orderOf(fieldOrder, e.field())).thenComparing(FieldError::message))
                .forEach(e -> errors.add(e.field(), e.message()));
        return errors;
    }

    private static int orderOf(List<String> order, String field) {
        int i = order.indexOf(field);
        return i < 0 ? order.size() : i;
    }

    /** Adds an error unless the field already has one: the first problem is the one to fix first. */
    public FormErrors add(String field, String message) {
        if (!has(field)) {
            all.add(new FieldError(field, message));
        }
        return this;
    }

    /** All of these errors, the earlier ones first for each field, in the order the fields appear on the page. */
    public FormErrors inPageOrder(List<String> fieldOrder) {
        FormErrors ordered = new FormErrors();
        all.stream().sorted(Comparator.comparingInt((FieldError e) -> orderOf(fieldOrder, e.field())))
                .forEach(e -> ordered.add(e.field(), e.message()));
        return ordered;
    }

    /** Adds the other form's errors (this form's first error of a field stays). */
    public FormErrors addAll(FormErrors other) {
        other.all.forEach(e -> add(e.field(), e.message()));
        return this;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public boolean has(String field) {
        return all.stream().anyMatch(e -> e.field().equals(field));
    }

    public String message(String field) {
        return all.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }

    public List<FieldError> getAll() {
        return List.copyOf(all);
    }
}
