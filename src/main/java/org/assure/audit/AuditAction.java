package org.assure.audit;

/**
 * A kind of change a feature records, usually a constant of the feature's own enum ({@code ReturnAudit.ANSWER}).
 * Its code is stored in {@code audit_event.action}: never rename one that events carry; add a new one instead.
 */
public interface AuditAction {
    /** What the action happens to: a return's answer is recorded against the return. */
    AuditKind kind();

    String code();

    /**
     * Whether each event names the part of the thing it concerns (a question or a section key) as its subject.
     * The trail refuses an event whose subject is missing or not expected.
     */
    default boolean hasSubject() {
        return false;
    }
}
