package org.assure.actions;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/** What the audit trail records about an action (kind "action", entity the action id). The codes are stored: never change one. */
enum ActionAudit implements AuditAction {
    CREATED("created"), PROGRESS("progress"), DONE("done"), VERIFIED("verified"), SENT_BACK("sent-back"), WITHDRAWN("withdrawn"),
    DUE_DATE_REQUESTED("due-date-requested"), DUE_DATE_ACCEPTED("due-date-accepted"), DUE_DATE_REFUSED("due-date-refused"),
    VERIFIER_NAMED("verifier-named"), PROPOSAL("proposal"), ACCEPTED("accepted");

    static final String SOURCE = "source";
    static final String ORGANISATION = "organisation";
    static final String RETURN = "return";
    static final String QUESTION = "question";
    static final String FINDING = "finding";
    static final String WHAT = "what";
    static final String OWNER = "owner";
    static final String DUE = "due";
    static final String NOTE = "note";
    static final String REASON = "reason";
    static final String VERIFIER = "verifier";
    static final String CHANGE = "change";

    static final AuditKind KIND = new AuditKind("action");

    private final String code;

    ActionAudit(String code) {
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
