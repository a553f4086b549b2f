package org.assure.partnerships;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about the partnership's officers. The codes are stored: never change one.
 * Added: after, {@code role} (its code), {@code name}, {@code email}. Changed: the changed fields only, before
 * and after. Removed: before, the three fields.
 */
public enum OfficerAudit implements AuditAction {
    ADDED("added"),
    CHANGED("changed"),
    REMOVED("removed");

    public static final AuditKind KIND = new AuditKind("partnership_officer");

    private final String code;

    OfficerAudit(String code) {
        this.code = code;
    }

    @Override
    public AuditKind kind() {
        return KIND;
    }

    @Override
    public String code() {
        return code;
    }

    static AuditFields fields(PartnershipOfficer o) {
        return AuditFields.of("role", o.role().name(), "name", o.name(), "email", o.email());
    }
}
