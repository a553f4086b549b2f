package org.assure.api;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about API tokens (kind "api_token", entity the token id). The codes are stored:
 * never change one. Created: after, {@code name}, {@code expiresOn}, {@code returns}. Revoked: before, {@code name}.
 * Never the secret nor its hash: the secret is shown once, and the trail is read by more people than the admin.
 */
enum ApiAudit implements AuditAction {
    CREATED("created"),
    REVOKED("revoked");

    static final AuditKind KIND = new AuditKind("api_token");

    private final String code;

    ApiAudit(String code) {
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
