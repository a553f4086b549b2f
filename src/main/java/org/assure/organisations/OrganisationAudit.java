package org.assure.organisations;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit trail records about organisations and their imports. The codes are stored: never change one.
 * <ul>
 * <li>Created and imported: after, the organisation's filled-in fields ({@link #filledIn}).</li>
 * <li>Updated (by hand or by import): the changed fields only, before and after, blank where a field was empty.</li>
 * <li>Archived and restored: {@code status} {@code ACTIVE} or {@code ARCHIVED}.</li>
 * <li>An import applied (kind {@link #IMPORT_KIND}): {@code file} and the counts of what it did.</li>
 * </ul>
 * Fields are named by {@link OrganisationDetails#auditName} and hold what people read (a sector's label, a
 * contact's name and email), as the import preview and the edit conflict page show them.
 */
public enum OrganisationAudit implements AuditAction {
    CREATED(Kinds.ORGANISATION, "created"),
    IMPORTED(Kinds.ORGANISATION, "imported"),
    UPDATED(Kinds.ORGANISATION, "updated"),
    UPDATED_BY_IMPORT(Kinds.ORGANISATION, "updated by import"),
    ARCHIVED(Kinds.ORGANISATION, "archived"),
    ARCHIVED_BY_IMPORT(Kinds.ORGANISATION, "archived by import"),
    RESTORED(Kinds.ORGANISATION, "restored"),
    IMPORT_APPLIED(Kinds.IMPORT, "applied");

    public static final AuditKind KIND = Kinds.ORGANISATION;
    public static final AuditKind IMPORT_KIND = Kinds.IMPORT;

    public static final String ACTIVE = "ACTIVE";
    public static final String ARCHIVED_STATUS = "ARCHIVED";
    public static final String FILE = "file";

    private final AuditKind kind;
    private final String code;

    OrganisationAudit(AuditKind kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    @Override
    public AuditKind kind() {
        return kind;
    }

    @Override
    public String code() {
        return code;
    }

    /** What a new organisation has: its described fields under their audit names, without empty ones and "No"s. */
    static AuditFields filledIn(Map<String, String> described) {
        Map<String, String> named = new LinkedHashMap<>();
        described.forEach((label, value) -> {
            if (!value.isEmpty() && !value.equals("No")) {
                named.put(OrganisationDetails.auditName(label), value);
            }
        });
        return AuditFields.of(named);
    }

    /** One side of these changes: before or after. */
    static AuditFields changes(List<FieldChange> changes, boolean after) {
        Map<String, String> named = new LinkedHashMap<>();
        changes.forEach(c -> named.put(OrganisationDetails.auditName(c.field()), after ? c.after() : c.before()));
        return AuditFields.of(named);
    }

    static AuditFields status(boolean archived) {
        return AuditFields.of(AuditFields.STATUS, archived ? ARCHIVED_STATUS : ACTIVE);
    }

    private static final class Kinds {
        static final AuditKind ORGANISATION = new AuditKind("organisation");
        static final AuditKind IMPORT = new AuditKind("organisation_import");
    }
}
