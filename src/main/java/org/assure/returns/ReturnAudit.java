package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.audit.AuditAction;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditKind;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the audit trail records about a return, and the fields of each. The codes are stored: never change one.
 * <ul>
 * <li>{@link #ANSWER}, {@link #CONFIRMED}: subject the question's key; before and after {@link #answer} fields.</li>
 * <li>{@link #SECTION_STATUS}: subject the section's key; {@code status} a {@link SectionStatus} name.</li>
 * <li>{@link #SECTION_ASSIGNED}: subject the section's key; {@link #assignment} fields, null for nobody.</li>
 * <li>{@link #STATUS}: {@code status} a {@link ReturnStatus} name.</li>
 * <li>{@link #SUBMITTED}: after {@code reference}, {@code declaredName}, {@code declaredRole}, {@code late} (true/false).</li>
 * <li>{@link #RETURNED_FOR_CHANGES}: before {@code reference}, after {@code reason}.</li>
 * <li>{@link #CARRIED_FORWARD}: after {@code answers} (how many), {@code reference} and {@code cycle} they came from.</li>
 * <li>{@link #CHALLENGE_RELEASED}: a panel's challenge put to the organisation; after {@code challenge} (its id), {@code kind}
 * (a challenge kind's label), {@code about} (what of the return it is about, if anything), {@code wording} and {@code dueOn}.</li>
 * <li>{@link #CHALLENGE_ANSWERED}: the organisation's answer; after {@code challenge}, {@code wording} and {@code answer}, before
 * the answer it replaced (none the first time).</li>
 * </ul>
 */
public enum ReturnAudit implements AuditAction {
    ANSWER("answer", true),
    CONFIRMED("confirmed", true),
    SECTION_STATUS("section status", true),
    SECTION_ASSIGNED("section assigned", true),
    STATUS("status", false),
    SUBMITTED("submitted", false),
    RETURNED_FOR_CHANGES("returned for changes", false),
    CARRIED_FORWARD("carried forward", false),
    CHALLENGE_RELEASED("challenge released", false),
    CHALLENGE_ANSWERED("challenge answered", false);

    public static final AuditKind KIND = new AuditKind("return");

    public static final String RATING = "rating";
    public static final String VALUE = "value";
    public static final String EVIDENCE = "evidence";
    public static final String REASON = "reason";
    public static final String ASSIGNEE = "assignee";
    public static final String ASSIGNEE_NAME = "assigneeName";
    public static final String REFERENCE = "reference";
    public static final String DECLARED_NAME = "declaredName";
    public static final String DECLARED_ROLE = "declaredRole";
    public static final String LATE = "late";
    public static final String ANSWERS = "answers";
    public static final String CYCLE = "cycle";
    public static final String CHALLENGE = "challenge";
    public static final String CHALLENGE_KIND = "kind";
    public static final String ABOUT = "about";
    public static final String WORDING = "wording";
    public static final String DUE_ON = "dueOn";
    public static final String ANSWER_TEXT = "answer";

    private final String code;
    private final boolean subject;

    ReturnAudit(String code, boolean subject) {
        this.code = code;
        this.subject = subject;
    }

    @Override
    public AuditKind kind() {
        return KIND;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public boolean hasSubject() {
        return subject;
    }

    static Optional<ReturnAudit> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    /** An answer as stored: its rating or value, evidence and reason (blank ones left out). */
    static AuditFields answer(ReturnAnswer a) {
        return AuditFields.of(RATING, a.rating(), VALUE, a.answerValue(), EVIDENCE, blankless(a.evidence()), REASON, blankless(a.naReason()));
    }

    /** Who a section is assigned to; null when nobody is. */
    static @Nullable AuditFields assignment(@Nullable Long accountId, @Nullable String name) {
        return accountId == null ? null : AuditFields.of(ASSIGNEE, accountId.toString(), ASSIGNEE_NAME, name);
    }

    private static @Nullable String blankless(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
