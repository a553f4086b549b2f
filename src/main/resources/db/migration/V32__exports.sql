-- Exports run off the request (issue 14): a job per requested file, its progress and where the file is. active_key is the
-- cycle and kind while the job is queued or running and NULL after, so a second request for the same export while one is
-- under way finds it instead of starting another (unique; NULLs do not clash).
CREATE TABLE export_job (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT        NOT NULL,
    cycle_id        BIGINT        NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    status          VARCHAR(10)   NOT NULL,      -- QUEUED, RUNNING, READY, FAILED, EXPIRED
    active_key      VARCHAR(60)   NULL,
    rows_expected   BIGINT        NOT NULL DEFAULT 0,
    rows_written    BIGINT        NOT NULL DEFAULT 0,
    file_name       VARCHAR(200)  NULL,
    file_bytes      BIGINT        NULL,
    failure         VARCHAR(500)  NULL,
    requested_by    BIGINT        NOT NULL,
    requested_at    DATETIME(6)   NOT NULL,
    started_at      DATETIME(6)   NULL,
    finished_at     DATETIME(6)   NULL,
    CONSTRAINT fk_export_job_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_export_job_cycle FOREIGN KEY (cycle_id) REFERENCES audit_cycle (id),
    CONSTRAINT uq_export_job_active UNIQUE (active_key)
);
CREATE INDEX ix_export_job_cycle ON export_job (cycle_id);
