package org.assure.panels;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about a panel, against the panel (kind "panel", entity the panel id; a case's events
 * name the case in {@link #CASE}). The codes are stored: never change one.
 */
enum PanelAudit implements AuditAction {
    CREATED("created"), CHANGED("changed"), MEMBER_ADDED("member-added"), MEMBER_REMOVED("member-removed"), CASE_ADDED("case-added"),
    CASE_REMOVED("case-removed"), CONFLICT_RECORDED("conflict-recorded"), CONFLICT_CLEARED("conflict-cleared"),
    MARKS_SAVED("marks-saved"), MARKS_SUBMITTED("marks-submitted");

    static final String CASE = "case";
    static final String ACCOUNT = "account";
    static final String ORGANISATION = "organisation";
    static final String RETURN = "return";
    static final String REASON = "reason";
    static final String SOURCE = "source";
    static final String FIELDS = "fields";
    static final String MARKS = "marks";

    static final AuditKind KIND = new AuditKind("panel");

    private final String code;

    PanelAudit(String code) {
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
