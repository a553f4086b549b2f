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
    CHALLENGE_DRAFTED("challenge-drafted"), CHALLENGE_CHANGED("challenge-changed"), CHALLENGE_WITHDRAWN("challenge-withdrawn"),
    CHALLENGES_RELEASED("challenges-released"),
    MODERATION_DRAFTED("moderation-drafted"), MODERATED("moderated"), LETTER_WRITTEN("letter-written"), LETTER_EDITED("letter-edited"),
    LETTER_APPROVED("letter-approved"), LETTER_NEEDS_REAPPROVAL("letter-needs-reapproval"), LETTER_SENT("letter-sent"),
    TEMPLATE_CHANGED("template-changed"),
    MARKS_SAVED("marks-saved"), MARKS_SUBMITTED("marks-submitted");

    static final String CASE = "case";
    static final String ACCOUNT = "account";
    static final String ORGANISATION = "organisation";
    static final String RETURN = "return";
    static final String REASON = "reason";
    static final String SOURCE = "source";
    static final String FIELDS = "fields";
    static final String CHALLENGE = "challenge";
    static final String DUE_ON = "dueOn";
    static final String OUTCOME = "outcome";
    static final String SUMMARY = "summary";
    static final String RATINGS = "ratings";
    static final String FINDINGS = "findings";
    static final String BODY = "body";
    static final String SUBMISSION = "submission";
    static final String RECIPIENTS = "recipients";
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
