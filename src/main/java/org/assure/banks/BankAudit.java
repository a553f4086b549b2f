package org.assure.banks;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/** What the audit trail records about bank drafts: an upload, with its {@code file}, {@code bank} and {@code version}. Codes are stored. */
public enum BankAudit implements AuditAction {
    DRAFT_UPLOADED("uploaded");

    public static final AuditKind DRAFT_KIND = new AuditKind("bank_draft");

    public static final String FILE = "file";
    public static final String BANK = "bank";
    public static final String VERSION = "version";

    private final String code;

    BankAudit(String code) {
        this.code = code;
    }

    @Override
    public AuditKind kind() {
        return DRAFT_KIND;
    }

    @Override
    public String code() {
        return code;
    }
}
