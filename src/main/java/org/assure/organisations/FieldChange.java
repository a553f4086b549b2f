package org.assure.organisations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One field whose value differs between two descriptions of an organisation. */
public record FieldChange(String field, String before, String after) {

    static List<FieldChange> between(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.getOrDefault(field, "");
            if (!Objects.equals(old, value)) {
                changes.add(new FieldChange(field, old, value));
            }
        });
        return changes;
    }
}
