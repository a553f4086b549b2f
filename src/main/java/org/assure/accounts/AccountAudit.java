package org.assure.accounts;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about accounts. Codes are stored: never change one. An invitation has, after, the
 * {@code email} invited and the {@code role} (a {@link org.assure.access.Role} name); a change of access has, before
 * and after, the {@code roles} (Role names, comma-separated, sorted) and {@code organisations} (ids, likewise).
 */
public enum AccountAudit implements AuditAction {
    LOCKED("locked"),
    PASSWORD_CHANGED("password changed"),
    INVITED("invited"),
    INVITATION_RESENT("invitation resent"),
    INVITATION_ACCEPTED("invitation accepted"),
    PASSWORD_RESET("password reset"),
    DEACTIVATED("deactivated"),
    REACTIVATED("reactivated"),
    ACCESS_CHANGED("roles or organisations changed");

    public static final AuditKind KIND = new AuditKind("account");

    public static final String EMAIL = "email";
    public static final String ROLE = "role";
    public static final String ROLES = "roles";
    public static final String ORGANISATIONS = "organisations";

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
