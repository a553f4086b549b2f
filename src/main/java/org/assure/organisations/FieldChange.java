package org.assure.organisations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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

    /** "Name: A; URN: 1": one side of the changes, for the audit trail. */
    static String summary(List<FieldChange> changes, boolean after) {
        return changes.stream().map(c -> c.field() + ": " + (after ? c.after() : c.before())).collect(Collectors.joining("; "));
    }
}
