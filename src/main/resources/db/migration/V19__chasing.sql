-- Chasing late returns (issue 11, ADR 0029): each cycle's rules, its escalation ladders, extensions and
-- pauses per return, and one row per reminder or ladder step per recipient. chase_key is unique, so a
-- reminder is written once however many runs or nodes see it due, in the transaction of its outbox email.

-- A cycle's rules; a cycle without a row chases by the defaults (ChasingRules.defaults).
CREATE TABLE chasing_rules (
    cycle_id            BIGINT        NOT NULL PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    reminder_days       VARCHAR(100)  NOT NULL,   -- days before the deadline, largest first: "28,14,7,1"
    weekly_cap          INT           NOT NULL,   -- emails one person gets from one cycle in any 7 days
    not_met_threshold   INT           NULL,       -- a submitted return with more "not met" answers is escalated; NULL: off
    critical_questions  VARCHAR(4000) NOT NULL,   -- question keys, comma-separated: any "not met" among them escalates
    updated_by          BIGINT        NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             INT           NOT NULL
);

-- The ladder a cycle climbs for an organisation that has not submitted by its deadline, one per audience.
CREATE TABLE ladder_step (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    cycle_id            BIGINT        NOT NULL,
    partnership_id      BIGINT        NOT NULL,
    audience            VARCHAR(10)   NOT NULL,   -- SCHOOL or AGENCY
    position            INT           NOT NULL,   -- 1, 2, 3 …
    days                INT           NOT NULL,
    counted_from        VARCHAR(10)   NOT NULL,   -- DEADLINE or PREVIOUS (the step before)
    recipients          VARCHAR(400)  NOT NULL,   -- LadderRecipient names, comma-separated
    subject             VARCHAR(200)  NOT NULL,
    body                TEXT          NOT NULL,
    adds_to_panel_list  BOOLEAN       NOT NULL,
    formal_request      BOOLEAN       NOT NULL,   -- a formal request for information (Children Act 2004, s14B)
    CONSTRAINT uq_ladder_step UNIQUE (cycle_id, audience, position)
);
CREATE INDEX ix_ladder_step_cycle ON ladder_step (cycle_id);

CREATE TABLE return_extension (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    return_id           BIGINT        NOT NULL,
    new_deadline        DATE          NOT NULL,
    reason              VARCHAR(500)  NOT NULL,
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL
);
CREATE INDEX ix_return_extension_return ON return_extension (return_id);

CREATE TABLE return_pause (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    return_id           BIGINT        NOT NULL,
    reason              VARCHAR(500)  NOT NULL,
    paused_until        DATE          NULL,       -- NULL: until someone ends it
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    ended_by            BIGINT        NULL,
    ended_at            DATETIME(6)   NULL
);
CREATE INDEX ix_return_pause_return ON return_pause (return_id);

-- One reminder or step for one recipient: SENT (with its outbox email) or NOT_SENT (no contact for the
-- role, and why). chase_key: "r<return>:<kind>:<step>:<address or role>".
CREATE TABLE chase_message (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    cycle_id            BIGINT        NOT NULL,
    return_id           BIGINT        NOT NULL,
    organisation_id     BIGINT        NOT NULL,
    chase_key           VARCHAR(255)  NOT NULL,
    kind                VARCHAR(20)   NOT NULL,   -- REMINDER, STEP, NON_COMPLIANCE
    step                INT           NOT NULL,   -- days before the deadline (reminder), ladder position (step), 0
    recipient_role      VARCHAR(40)   NOT NULL,
    recipient_name      VARCHAR(200)  NULL,
    recipient_email     VARCHAR(320)  NULL,
    status              VARCHAR(20)   NOT NULL,
    reason              VARCHAR(500)  NULL,
    outbox_id           BIGINT        NULL,
    due_on              DATE          NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT uq_chase_message_key UNIQUE (chase_key)
);
CREATE INDEX ix_chase_message_cycle ON chase_message (cycle_id, created_at);
CREATE INDEX ix_chase_message_return ON chase_message (return_id);
CREATE INDEX ix_chase_message_recipient ON chase_message (cycle_id, recipient_email, created_at);

-- Organisations a cycle will call to its assurance panel, and why (non-completion, non-compliance).
CREATE TABLE assurance_panel_list (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    cycle_id            BIGINT        NOT NULL,
    organisation_id     BIGINT        NOT NULL,
    return_id           BIGINT        NOT NULL,
    reason              VARCHAR(20)   NOT NULL,   -- NON_COMPLETION, NON_COMPLIANCE
    detail              VARCHAR(500)  NOT NULL,
    added_at            DATETIME(6)   NOT NULL,
    CONSTRAINT uq_panel_list UNIQUE (cycle_id, organisation_id, reason)
);

-- What a chair or other escalation contact says in answer to an escalation.
CREATE TABLE escalation_response (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    return_id           BIGINT        NOT NULL,
    account_id          BIGINT        NOT NULL,
    response            TEXT          NOT NULL,
    created_at          DATETIME(6)   NOT NULL
);
CREATE INDEX ix_escalation_response_return ON escalation_response (return_id);

-- An address the mail server refused for good (a 5xx to RCPT): not retried, shown on the chasing page.
ALTER TABLE outbox_email ADD COLUMN refused_at DATETIME(6) NULL;
