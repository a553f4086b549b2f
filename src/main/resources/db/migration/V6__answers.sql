-- Answers of a return, one row per question. rating holds a scale code for rating questions; answer_value holds
-- every other type (not "value": a reserved word in H2) (multiple choice as comma-separated option codes, dates as ISO yyyy-MM-dd).
-- carried_forward marks an answer prefilled from an earlier return (next slice: confirm before complete).
-- version is the optimistic lock per answer: a save carries the version it was shown.
CREATE TABLE return_answer (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    return_id        BIGINT        NOT NULL,
    question_key     VARCHAR(100)  NOT NULL,
    rating           VARCHAR(40)   NULL,
    answer_value     TEXT          NULL,
    evidence         TEXT          NULL,
    na_reason        TEXT          NULL,
    carried_forward  BOOLEAN       NOT NULL DEFAULT FALSE,
    version          INT           NOT NULL DEFAULT 0,
    updated_by       BIGINT        NULL,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_return_answer_return FOREIGN KEY (return_id) REFERENCES audit_return (id),
    CONSTRAINT uq_return_answer UNIQUE (return_id, question_key)
);

-- Progress of each section of a return; assigned_account_id is for delegation (next slice).
CREATE TABLE return_section (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    return_id            BIGINT        NOT NULL,
    section_key          VARCHAR(100)  NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    assigned_account_id  BIGINT        NULL,
    version              INT           NOT NULL DEFAULT 0,
    updated_at           DATETIME(6)   NOT NULL,
    CONSTRAINT fk_return_section_return FOREIGN KEY (return_id) REFERENCES audit_return (id),
    CONSTRAINT fk_return_section_account FOREIGN KEY (assigned_account_id) REFERENCES account (id),
    CONSTRAINT uq_return_section UNIQUE (return_id, section_key)
);
