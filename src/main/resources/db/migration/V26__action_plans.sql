-- Action plans (issue 13, ADR 0037): every gap becomes an action that is delivered, verified and followed up.
-- An action belongs to an organisation; it came from an answer of a return (QUESTION), an area to improve agreed at
-- a panel (PANEL) or the partnership (PARTNERSHIP). Every table carries partnership_id; every read is scoped by it.
CREATE TABLE action_item (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    organisation_id         BIGINT        NOT NULL,
    cycle_id                BIGINT        NULL,       -- the cycle it arose in (NULL: added by the partnership outside one)
    return_id               BIGINT        NULL,
    bank_key                VARCHAR(100)  NULL,       -- with bank_version and question_key: where it came from, for lineage
    bank_version            VARCHAR(40)   NULL,
    section_key             VARCHAR(100)  NULL,
    question_key            VARCHAR(100)  NULL,
    source                  VARCHAR(20)   NOT NULL,   -- QUESTION, PANEL, PARTNERSHIP
    panel_case_id           BIGINT        NULL,
    finding_id              BIGINT        NULL,       -- the area to improve it came from
    source_reason           VARCHAR(1000) NULL,       -- why the partnership added it
    what                    TEXT          NOT NULL,
    owner_name              VARCHAR(200)  NOT NULL,
    owner_role              VARCHAR(200)  NOT NULL,
    owner_email             VARCHAR(320)  NOT NULL,
    owner_account_id        BIGINT        NULL,       -- when the owner's email is an account of the partnership
    due_on                  DATE          NOT NULL,
    success_measure         TEXT          NULL,
    status                  VARCHAR(30)   NOT NULL,   -- PROPOSED, NOT_STARTED, IN_PROGRESS, AWAITING_VERIFICATION, VERIFIED, WITHDRAWN
    completion_evidence     TEXT          NULL,
    verifier_account_id     BIGINT        NULL,       -- a panel member the partnership names to verify it
    created_by              BIGINT        NOT NULL,
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    closed_at               DATETIME(6)   NULL,       -- verified or withdrawn
    version                 INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_action_item_org ON action_item (partnership_id, organisation_id);
CREATE INDEX ix_action_item_return ON action_item (return_id, question_key);
CREATE INDEX ix_action_item_status ON action_item (partnership_id, status, due_on);
CREATE UNIQUE INDEX uq_action_item_finding ON action_item (finding_id);

-- Everything that happened to an action, in order: progress updates, status moves (with the reason where one is
-- needed), due-date requests and decisions, verification or sending back.
CREATE TABLE action_update (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    action_id               BIGINT        NOT NULL,
    kind                    VARCHAR(30)   NOT NULL,   -- PROGRESS, STATUS, DUE_DATE_REQUESTED, DUE_DATE_ACCEPTED, DUE_DATE_REFUSED, VERIFIED, SENT_BACK, WITHDRAWN, ACCEPTED
    note                    TEXT          NULL,
    from_status             VARCHAR(30)   NULL,
    to_status               VARCHAR(30)   NULL,
    account_id              BIGINT        NULL,
    person                  VARCHAR(200)  NOT NULL,
    happened_on             DATE          NOT NULL,   -- the date the update is about (a progress update may be dated earlier)
    recorded_at             DATETIME(6)   NOT NULL
);
CREATE INDEX ix_action_update_action ON action_update (action_id, id);

-- A request to move an action's due date: the partnership accepts or refuses it.
CREATE TABLE action_due_change (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    action_id               BIGINT        NOT NULL,
    from_due_on             DATE          NOT NULL,
    to_due_on               DATE          NOT NULL,
    reason                  TEXT          NOT NULL,
    requested_by            BIGINT        NOT NULL,
    requested_at            DATETIME(6)   NOT NULL,
    decided_by              BIGINT        NULL,
    decided_at              DATETIME(6)   NULL,
    accepted                BOOLEAN       NULL,
    decision_note           TEXT          NULL,
    version                 INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_action_due_change_action ON action_due_change (action_id);

-- Reminders and escalation of actions, written once per recipient (the unique key) in the transaction of the email,
-- like chase_message for returns: kind REMINDER (days before due) or STEP (ladder position after due).
CREATE TABLE action_chase (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    action_id               BIGINT        NOT NULL,
    organisation_id         BIGINT        NOT NULL,
    chase_key               VARCHAR(255)  NOT NULL,
    kind                    VARCHAR(20)   NOT NULL,
    step                    INT           NOT NULL,
    recipient_role          VARCHAR(40)   NOT NULL,
    recipient_name          VARCHAR(200)  NULL,
    recipient_email         VARCHAR(320)  NULL,
    status                  VARCHAR(20)   NOT NULL,   -- SENT, NOT_SENT
    reason                  VARCHAR(500)  NULL,
    outbox_id               BIGINT        NULL,
    due_on                  DATE          NOT NULL,
    created_at              DATETIME(6)   NOT NULL,
    CONSTRAINT uq_action_chase_key UNIQUE (chase_key)
);
CREATE INDEX ix_action_chase_action ON action_chase (action_id);
CREATE INDEX ix_action_chase_recipient ON action_chase (partnership_id, recipient_email, created_at);
