package org.assure.exports;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about exports (kind "export_job", entity the job id): who asked for a cycle's data and
 * who took a copy away. The codes are stored: never change one. Both: after, {@code kind} and {@code cycleId}.
 */
enum ExportAudit implements AuditAction {
    STARTED("started"),
    DOWNLOADED("downloaded");

    static final AuditKind KIND = new AuditKind("export_job");

    private final String code;

    ExportAudit(String code) {
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
}
