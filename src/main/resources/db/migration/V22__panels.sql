-- Scrutiny and assurance panels (issue 12, ADR 0033): a panel of a cycle, its members and moderator, its cases
-- (one return each), conflicts of interest, blind double marks, moderation, challenges and outcome letters.
-- Every table carries partnership_id, and every read is scoped by it.
CREATE TABLE panel (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    cycle_id                BIGINT        NOT NULL,
    name                    VARCHAR(200)  NOT NULL,
    kind                    VARCHAR(20)   NOT NULL,   -- ASSURANCE (schools' panel), SCRUTINY_DAY (Section 11)
    meets_on                DATE          NOT NULL,
    place                   VARCHAR(500)  NOT NULL,   -- a room or a meeting link
    marks_due_on            DATE          NOT NULL,
    marking_by              VARCHAR(20)   NOT NULL,   -- SECTION or QUESTION
    moderator_id            BIGINT        NULL,       -- an account of the partnership
    created_by              BIGINT        NOT NULL,
    created_at              DATETIME(6)   NOT NULL,
    version                 INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_panel_cycle ON panel (partnership_id, cycle_id);

-- A member of a panel. works_for: the organisation they work for when their account is linked to none (a
-- police officer sitting on the schools' panel), so conflicts of interest can be worked out.
CREATE TABLE panel_member (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    panel_id                BIGINT        NOT NULL,
    account_id              BIGINT        NOT NULL,
    works_for_id            BIGINT        NULL,
    added_at                DATETIME(6)   NOT NULL,
    CONSTRAINT uq_panel_member UNIQUE (panel_id, account_id)
);
CREATE INDEX ix_panel_member_account ON panel_member (account_id);

-- A return before the panel, and why (NON_COMPLETION, NON_COMPLIANCE, DIP_SAMPLE, SCRUTINY_DAY, BY_HAND).
-- submission_id: the submission the panel judges (the latest when the case was added or marking began); NULL
-- until the organisation submits. Outcome fields are the moderator's (see case_moderation).
CREATE TABLE panel_case (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    panel_id                BIGINT        NOT NULL,
    cycle_id                BIGINT        NOT NULL,
    return_id               BIGINT        NOT NULL,
    organisation_id         BIGINT        NOT NULL,
    reason                  VARCHAR(20)   NOT NULL,
    detail                  VARCHAR(500)  NOT NULL,
    submission_id           BIGINT        NULL,
    added_by                BIGINT        NOT NULL,
    added_at                DATETIME(6)   NOT NULL,
    CONSTRAINT uq_panel_case UNIQUE (panel_id, return_id)
);
CREATE INDEX ix_panel_case_return ON panel_case (return_id);

-- A conflict of interest between a member and a case. Worked out from the data (OWN, PARENT, CHILD, SIBLING),
-- declared by the member (DECLARED) or added by an admin (ADDED); an admin may clear one with a reason, which
-- keeps the row (cleared_*). A member with an uncleared conflict neither marks the case nor sees its marks.
CREATE TABLE panel_conflict (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    account_id              BIGINT        NOT NULL,
    source                  VARCHAR(20)   NOT NULL,
    reason                  VARCHAR(500)  NOT NULL,
    recorded_by             BIGINT        NULL,       -- NULL: worked out by Assure
    recorded_at             DATETIME(6)   NOT NULL,
    cleared_by              BIGINT        NULL,
    cleared_at              DATETIME(6)   NULL,
    cleared_reason          VARCHAR(500)  NULL
);
CREATE INDEX ix_panel_conflict_case ON panel_conflict (case_id, account_id);

-- One marker's marking of one case: started when they first save, submitted once (then the marks are fixed and
-- the others' marks become visible to them).
CREATE TABLE case_marking (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    account_id              BIGINT        NOT NULL,
    submitted_at            DATETIME(6)   NULL,
    version                 INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_case_marking UNIQUE (case_id, account_id)
);

-- A marker's mark of one item: a section key or a question key (the panel's marking_by says which).
CREATE TABLE case_mark (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    marking_id              BIGINT        NOT NULL,
    item_key                VARCHAR(100)  NOT NULL,
    self_rating             VARCHAR(40)   NULL,       -- the organisation's rating as judged (a section's: its lowest)
    panel_rating            VARCHAR(40)   NULL,
    agrees                  BOOLEAN       NULL,       -- agrees with the self-rating, or adjusts it
    comment                 TEXT          NULL,
    CONSTRAINT uq_case_mark UNIQUE (marking_id, item_key)
);

-- The moderator's decision on a case.
CREATE TABLE case_moderation (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    outcome                 VARCHAR(20)   NULL,       -- ASSURED, PARTLY_ASSURED, NOT_ASSURED; NULL while drafting
    summary                 TEXT          NULL,
    moderated_by            BIGINT        NULL,
    moderated_at            DATETIME(6)   NULL,
    version                 INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_case_moderation UNIQUE (case_id)
);

-- The agreed rating per section (or question) at moderation.
CREATE TABLE case_agreed_rating (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    item_key                VARCHAR(100)  NOT NULL,
    rating                  VARCHAR(40)   NOT NULL,
    CONSTRAINT uq_case_agreed UNIQUE (case_id, item_key)
);

-- Strengths and areas to improve, one row each (the action-plan issue turns areas into actions).
CREATE TABLE case_finding (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    kind                    VARCHAR(20)   NOT NULL,   -- STRENGTH, AREA_TO_IMPROVE
    item_key                VARCHAR(100)  NULL,       -- the section or question it is about, if any
    text                    TEXT          NOT NULL,
    position                INT           NOT NULL
);
CREATE INDEX ix_case_finding_case ON case_finding (case_id, kind, position);

-- A challenge question or request for more evidence: the panel's own until released with a due date; the
-- organisation answers in the portal.
CREATE TABLE case_challenge (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    return_id               BIGINT        NOT NULL,
    kind                    VARCHAR(20)   NOT NULL,   -- QUESTION, EVIDENCE
    item_key                VARCHAR(100)  NULL,
    text                    TEXT          NOT NULL,
    drafted_by              BIGINT        NOT NULL,
    drafted_at              DATETIME(6)   NOT NULL,
    released_by             BIGINT        NULL,
    released_at             DATETIME(6)   NULL,
    due_on                  DATE          NULL,
    answer                  TEXT          NULL,
    answered_by             BIGINT        NULL,
    answered_at             DATETIME(6)   NULL,
    version                 INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_case_challenge_case ON case_challenge (case_id);
CREATE INDEX ix_case_challenge_return ON case_challenge (return_id);

-- The partnership's outcome letter template (one per partnership; the shipped one until edited).
CREATE TABLE letter_template (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    body                    TEXT          NOT NULL,
    updated_by              BIGINT        NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    version                 INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_letter_template UNIQUE (partnership_id)
);

-- A case's outcome letter, tied to the submission it judged. Approved, then sent; if the return is resubmitted
-- after approval, needs_reapproval is set and it must be approved again before it is sent.
CREATE TABLE case_letter (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    case_id                 BIGINT        NOT NULL,
    submission_id           BIGINT        NOT NULL,
    body                    TEXT          NOT NULL,   -- the letter as written from the template, editable before approval
    approved_by             BIGINT        NULL,
    approved_at             DATETIME(6)   NULL,
    needs_reapproval        BOOLEAN       NOT NULL DEFAULT FALSE,
    sent_by                 BIGINT        NULL,
    sent_at                 DATETIME(6)   NULL,
    version                 INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_case_letter UNIQUE (case_id)
);
