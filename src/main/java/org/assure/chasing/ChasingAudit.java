package org.assure.chasing;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about chasing. The codes are stored: never change one. Rules changes are
 * recorded against the cycle (kind "chasing", entity the cycle id); extensions, pauses and responses
 * against the return ("chasing-return", entity the return id).
 */
enum ChasingAudit implements AuditAction {
    RULES_CHANGED("rules changed", Kinds.CYCLE), SENT_NOW("sent now", Kinds.CYCLE),
    EXTENDED("extended", Kinds.RETURN), PAUSED("paused", Kinds.RETURN), PAUSE_ENDED("pause ended", Kinds.RETURN),
    RESPONDED("responded", Kinds.RETURN);

    static final String REMINDERS = "reminders";
    static final String WEEKLY_CAP = "weeklyCap";
    static final String THRESHOLD = "threshold";
    static final String CRITICAL = "critical";
    static final String DEADLINE = "deadline";
    static final String UNTIL = "until";
    static final String REASON = "reason";
    static final String OUTCOME = "outcome";

    private final String code;
    private final AuditKind kind;

    ChasingAudit(String code, AuditKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public AuditKind kind() {
        return kind;
    }

    @Override
    public String code() {
        return code;
    }

    private static final class Kinds {
        static final AuditKind CYCLE = new AuditKind("chasing");
        static final AuditKind RETURN = new AuditKind("chasing-return");
    }
}
