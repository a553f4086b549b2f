-- Each time a lead submits a return: the declaration, whether it was late, and (when the partnership sends it
-- back) who returned it, when and why. Submissions are never changed otherwise, so the history keeps every one.
CREATE TABLE return_submission (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    return_id          BIGINT        NOT NULL,
    submission_number  INT           NOT NULL,
    reference          VARCHAR(40)   NOT NULL,
    declared_name      VARCHAR(200)  NOT NULL,
    declared_role      VARCHAR(200)  NOT NULL,
    for_governing_board BOOLEAN      NOT NULL,
    submitted_by       BIGINT        NOT NULL,
    submitted_at       DATETIME(6)   NOT NULL,
    late               BOOLEAN       NOT NULL,
    returned_at        DATETIME(6)   NULL,
    returned_by        BIGINT        NULL,
    return_reason      TEXT          NULL,
    CONSTRAINT fk_return_submission_return FOREIGN KEY (return_id) REFERENCES audit_return (id),
    CONSTRAINT fk_return_submission_by FOREIGN KEY (submitted_by) REFERENCES account (id),
    CONSTRAINT fk_return_submission_returned_by FOREIGN KEY (returned_by) REFERENCES account (id),
    CONSTRAINT uq_return_submission UNIQUE (return_id, submission_number),
    CONSTRAINT uq_return_submission_reference UNIQUE (reference)
);

-- The answers exactly as submitted, so a later resubmission does not rewrite what was declared before.
CREATE TABLE return_submission_answer (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    submission_id  BIGINT        NOT NULL,
    question_key   VARCHAR(100)  NOT NULL,
    rating         VARCHAR(40)   NULL,
    answer_value   TEXT          NULL,
    evidence       TEXT          NULL,
    na_reason      TEXT          NULL,
    CONSTRAINT fk_submission_answer_submission FOREIGN KEY (submission_id) REFERENCES return_submission (id),
    CONSTRAINT uq_submission_answer UNIQUE (submission_id, question_key)
);

-- Audit actions name the question or section they concern ("answer <key>", "section <key> in progress"), and
-- bank keys may be up to 100 characters: 40 was too short (found seeding the Section 11 demo returns).
ALTER TABLE audit_event MODIFY action VARCHAR(200) NOT NULL;
