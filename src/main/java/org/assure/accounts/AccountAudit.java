package org.assure.accounts;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about accounts. Codes are stored: never change one. Only an invitation has fields:
 * after, the {@code email} invited and the {@code role} (a {@link org.assure.access.Role} name).
 */
public enum AccountAudit implements AuditAction {
    LOCKED("locked"),
    PASSWORD_CHANGED("password changed"),
    INVITED("invited"),
    INVITATION_RESENT("invitation resent"),
    INVITATION_ACCEPTED("invitation accepted"),
    PASSWORD_RESET("password reset");

    public static final AuditKind KIND = new AuditKind("account");

    public static final String EMAIL = "email";
    public static final String ROLE = "role";

    private final String code;

    AccountAudit(String code) {
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
