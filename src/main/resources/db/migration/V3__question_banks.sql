-- What the installation knows of each question bank version: its content hash, and once a cycle has
-- used it, when it was frozen. A frozen version's file must never change again.
CREATE TABLE question_bank_version (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    bank_key         VARCHAR(60)  NOT NULL,
    version          VARCHAR(40)  NOT NULL,
    content_hash     CHAR(64)     NOT NULL,
    first_loaded_at  DATETIME(6)  NOT NULL,
    frozen_at        DATETIME(6)  NULL,
    CONSTRAINT uq_question_bank_version UNIQUE (bank_key, version)
);
