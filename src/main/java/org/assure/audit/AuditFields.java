package org.assure.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side (before or after) of a change as named text values, in the order they were given: an answer's
 * {@code rating}, {@code evidence}, {@code reason}; a status's {@code status}. A field given a null value is
 * left out. Stored as a JSON object of strings in a MEDIUMTEXT column, not a JSON one: H2 reads JSON columns
 * back double-encoded and cannot query inside them, so fields are only ever read here, in Java (ADR 0018).
 */
public record AuditFields(Map<String, String> values) {
    /** A status, by its code ({@code IN_PROGRESS}): the same field name for every kind of thing. */
    public static final String STATUS = "status";
    /** Words that could not be read into fields (events written before the trail was typed): shown as they are. */
    public static final String TEXT = "text";

    private static final JsonFactory JSON = new JsonFactory();

    public AuditFields {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An audit field needs a name");
            }
            if (value != null) {
                copy.put(name, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static AuditFields of(String name, @Nullable String value) {
        return of(pairs(name, value));
    }

    public static AuditFields of(String name1, @Nullable String value1, String name2, @Nullable String value2) {
        return of(pairs(name1, value1, name2, value2));
    }

    public static AuditFields of(String name1, @Nullable String value1, String name2, @Nullable String value2,
                                 String name3, @Nullable String value3) {
        return of(pairs(name1, value1, name2, value2, name3, value3));
    }

    public static AuditFields of(String name1, @Nullable String value1, String name2, @Nullable String value2,
                                 String name3, @Nullable String value3, String name4, @Nullable String value4) {
        return of(pairs(name1, value1, name2, value2, name3, value3, name4, value4));
    }

    /** The map's entries in its own iteration order (give a LinkedHashMap to keep an order). */
    public static AuditFields of(Map<String, String> values) {
        return new AuditFields(values);
    }

    /** {@code {status: NAME}} of a status enum. */
    public static AuditFields status(Enum<?> status) {
        return of(STATUS, status.name());
    }

    public @Nullable String get(String name) {
        return values.get(name);
    }

    public String getOrEmpty(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Text that could not be read into fields, if that is what this is. */
    public @Nullable String text() {
        return values.get(TEXT);
    }

    static @Nullable String toJson(@Nullable AuditFields fields) {
        if (fields == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : fields.values.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads what {@link #toJson} wrote; a value that is not a string (never written so) is read as its text. */
    static @Nullable AuditFields fromJson(@Nullable String json) {
        if (json == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Audit fields are not a JSON object: " + json);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    throw new IllegalStateException("Audit field " + name + " is not text: " + json);
                }
                values.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Audit fields do not read as JSON: " + json, e);
        }
        return new AuditFields(values);
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (map.containsKey(namesAndValues[i])) {
                throw new IllegalArgumentException("Audit field " + namesAndValues[i] + " given twice");
            }
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
