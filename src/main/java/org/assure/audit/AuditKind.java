package org.assure.audit;

/**
 * What kind of thing events are about ("return", "organisation"): its code is stored in
 * {@code audit_event.entity_type}, so a code never changes once events carry it.
 */
public record AuditKind(String code) {
    public AuditKind {
        if (code == null || code.isBlank() || code.length() > 40) {
            throw new IllegalArgumentException("An audit kind's code is 1 to 40 characters: '" + code + "'");
        }
    }
}
