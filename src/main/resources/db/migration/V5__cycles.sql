-- Audit cycles: a partnership asks an audience of organisations to complete one bank version by a
-- deadline. The audience is either organisation kinds/categories/sectors (comma-separated enum names,
-- empty meaning "all", as in a bank's own audience) or a chosen list (audit_cycle_organisation).
CREATE TABLE audit_cycle (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id       BIGINT        NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    bank_key             VARCHAR(60)   NOT NULL,
    bank_version         VARCHAR(40)   NOT NULL,
    audience_mode        VARCHAR(10)   NOT NULL,
    audience_kinds       VARCHAR(200)  NOT NULL DEFAULT '',
    audience_categories  VARCHAR(400)  NOT NULL DEFAULT '',
    audience_sectors     VARCHAR(1000) NOT NULL DEFAULT '',
    opens_on             DATE          NOT NULL,
    deadline             DATE          NOT NULL,
    final_deadline       DATE          NULL,
    panel_date           DATE          NULL,
    status               VARCHAR(10)   NOT NULL,
    opened_at            DATETIME(6)   NULL,
    closed_at            DATETIME(6)   NULL,
    archived_at          DATETIME(6)   NULL,
    version              INT           NOT NULL DEFAULT 0,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    CONSTRAINT fk_audit_cycle_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
);
CREATE INDEX ix_audit_cycle_partnership ON audit_cycle (partnership_id, status);

-- The chosen organisations of a cycle whose audience_mode is CHOSEN.
CREATE TABLE audit_cycle_organisation (
    cycle_id         BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (cycle_id, organisation_id),
    CONSTRAINT fk_aco_cycle FOREIGN KEY (cycle_id) REFERENCES audit_cycle (id),
    CONSTRAINT fk_aco_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

-- One return per organisation per cycle, created when the cycle opens (or the organisation is added).
-- Answers, sections and submissions of the next slice hang off audit_return.id.
CREATE TABLE audit_return (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id    BIGINT       NOT NULL,
    cycle_id          BIGINT       NOT NULL,
    organisation_id   BIGINT       NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    last_activity_at  DATETIME(6)  NULL,
    submitted_at      DATETIME(6)  NULL,
    version           INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_audit_return_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_audit_return_cycle FOREIGN KEY (cycle_id) REFERENCES audit_cycle (id),
    CONSTRAINT fk_audit_return_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_audit_return UNIQUE (cycle_id, organisation_id)
);
CREATE INDEX ix_audit_return_organisation ON audit_return (organisation_id);
