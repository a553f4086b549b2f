package org.assure.sampling;

import org.assure.audit.AuditAction;
import org.assure.audit.AuditKind;

/**
 * What the audit trail records about dip samples, against the run (kind "dip-sample", entity the run id). The
 * codes are stored: never change one.
 */
enum DipSampleAudit implements AuditAction {
    RUN("run"), RE_RUN("re-run"), VERIFIED("verified"), REPLACED("replaced");

    static final String CYCLE = "cycle";
    static final String SEED = "seed";
    static final String FINGERPRINT = "fingerprint";
    static final String OPTIONS = "options";
    static final String PICKS = "picks";
    static final String REASON = "reason";
    static final String EARLIER = "earlierRun";
    static final String RESULT = "result";
    static final String WITHDRAWN = "withdrawn";
    static final String BY = "by";

    static final AuditKind KIND = new AuditKind("dip-sample");

    private final String code;

    DipSampleAudit(String code) {
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
