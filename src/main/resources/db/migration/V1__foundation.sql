-- One schema for MySQL 8 (production), MariaDB 10.11 (tests here) and H2 in MySQL mode (local).
-- Times are UTC instants in DATETIME(6). Optimistic locking uses integer versions, never timestamps.

CREATE TABLE partnership (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL
);

CREATE TABLE organisation (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id   BIGINT       NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    sector           VARCHAR(40)  NULL,
    phase            VARCHAR(40)  NULL,
    category         VARCHAR(40)  NULL,
    urn              VARCHAR(10)  NULL,
    trust_name       VARCHAR(200) NULL,
    local_authority  VARCHAR(100) NULL,
    postcode         VARCHAR(12)  NULL,
    has_boarding     BOOLEAN      NOT NULL DEFAULT FALSE,
    has_early_years  BOOLEAN      NOT NULL DEFAULT FALSE,
    parent_id        BIGINT       NULL,
    archived_at      DATETIME(6)  NULL,
    version          INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_organisation_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_id) REFERENCES organisation (id),
    CONSTRAINT uq_organisation_urn UNIQUE (partnership_id, urn)
);
CREATE INDEX ix_organisation_partnership_name ON organisation (partnership_id, name);

CREATE TABLE organisation_contact (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    organisation_id  BIGINT       NOT NULL,
    role             VARCHAR(40)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    email            VARCHAR(254) NULL,
    phone            VARCHAR(40)  NULL,
    CONSTRAINT fk_contact_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_contact_role UNIQUE (organisation_id, role)
);

CREATE TABLE account (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id   BIGINT       NOT NULL,
    email            VARCHAR(254) NOT NULL,
    display_name     VARCHAR(200) NOT NULL,
    password_hash    VARCHAR(255) NULL,
    failed_sign_ins  INT          NOT NULL DEFAULT 0,
    locked_until     DATETIME(6)  NULL,
    disabled_at      DATETIME(6)  NULL,
    last_sign_in_at  DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_account_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT uq_account_email UNIQUE (email)
);

CREATE TABLE account_role (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    role        VARCHAR(40) NOT NULL,
    CONSTRAINT uq_account_role UNIQUE (account_id, role),
    CONSTRAINT fk_role_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE account_organisation (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    CONSTRAINT uq_account_organisation UNIQUE (account_id, organisation_id),
    CONSTRAINT fk_membership_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_membership_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a leaked
-- table cannot be replayed. Rows live in the database so sessions survive restarts and work on
-- every node, and deleting the row signs out at once.
CREATE TABLE web_session (
    token_hash    CHAR(64)    NOT NULL PRIMARY KEY,
    account_id    BIGINT      NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    last_seen_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_session_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_session_account ON web_session (account_id);

-- One-time links (invitations, password resets); only the hash of the emailed token is stored.
CREATE TABLE account_token (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    purpose     VARCHAR(20) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    CONSTRAINT fk_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE outbox_email (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id   BIGINT        NULL,
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body             TEXT          NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    sent_at          DATETIME(6)   NULL,
    last_error       VARCHAR(1000) NULL
);
CREATE INDEX ix_outbox_pending ON outbox_email (sent_at, next_attempt_at);
CREATE INDEX ix_outbox_partnership ON outbox_email (partnership_id, created_at);

-- Who changed what: every change to tenant data is written here in the same transaction.
CREATE TABLE audit_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT       NOT NULL,
    account_id      BIGINT       NULL,
    at              DATETIME(6)  NOT NULL,
    entity_type     VARCHAR(40)  NOT NULL,
    entity_id       BIGINT       NOT NULL,
    action          VARCHAR(40)  NOT NULL,
    before_value    TEXT         NULL,
    after_value     TEXT         NULL
);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id);

-- An uploaded organisation list waiting for the admin to confirm its preview; kept in the database
-- so the confirmation can land on any node.
CREATE TABLE organisation_import (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content         LONGBLOB     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    applied_at      DATETIME(6)  NULL,
    CONSTRAINT fk_import_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
);

CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
