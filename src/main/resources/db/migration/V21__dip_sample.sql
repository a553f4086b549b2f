-- Dip samples (issue 12, ADR 0031/0032): each run of the draw, kept for good. A re-run is a new row that names
-- the run it follows (earlier_run_id) and why; the earlier row is never changed except to say it was followed.
CREATE TABLE dip_sample_run (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    cycle_id                BIGINT        NOT NULL,
    bank_key                VARCHAR(100)  NOT NULL,   -- the cycle's bank: "date last sampled" looks across its cycles
    run_by                  BIGINT        NOT NULL,
    run_by_name             VARCHAR(200)  NOT NULL,
    run_at                  DATETIME(6)   NOT NULL,
    drawn_on                DATE          NOT NULL,
    seed                    VARCHAR(200)  NOT NULL,
    seed_drawn              BOOLEAN       NOT NULL,   -- drawn by the app rather than typed by the admin
    sample_size             INT           NOT NULL,
    only_submitted          BOOLEAN       NOT NULL,
    exclusion_years         INT           NOT NULL,
    exclude_going_to_panel  BOOLEAN       NOT NULL,
    stratify                VARCHAR(10)   NOT NULL,   -- NONE, PHASE, CATEGORY
    fingerprint             CHAR(64)      NOT NULL,
    method                  TEXT          NOT NULL,
    message                 VARCHAR(500)  NULL,
    rerun_reason            VARCHAR(500)  NULL,
    earlier_run_id          BIGINT        NULL,
    followed_by_run_id      BIGINT        NULL,
    -- what this run follows: "c<cycle>" for a cycle's first draw, "r<earlier run>" for a re-run. Unique, so two
    -- admins drawing at the same moment cannot both become the cycle's current draw: the second is refused.
    follows_key             VARCHAR(40)   NOT NULL,
    CONSTRAINT uq_dip_sample_run_follows UNIQUE (follows_key)
);
CREATE INDEX ix_dip_sample_run_cycle ON dip_sample_run (cycle_id, id);
CREATE INDEX ix_dip_sample_run_bank ON dip_sample_run (partnership_id, bank_key);

-- Every school of a run's population: eligible (with its ticket) or excluded (with its reasons, one per line).
CREATE TABLE dip_sample_school (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    run_id                  BIGINT        NOT NULL,
    organisation_id         BIGINT        NOT NULL,
    return_id               BIGINT        NOT NULL,
    urn                     VARCHAR(20)   NULL,
    name                    VARCHAR(200)  NOT NULL,
    stratum                 VARCHAR(100)  NOT NULL,
    ticket                  CHAR(16)      NULL,       -- NULL for an excluded school
    reasons                 VARCHAR(1000) NULL,       -- NULL for an eligible school
    picked                  BOOLEAN       NOT NULL,   -- among the run's picks now (replacements included, replaced ones not)
    CONSTRAINT uq_dip_sample_school UNIQUE (run_id, organisation_id)
);

-- A picked school withdrawn (closed, say) and the next ticket that took its place, in the order made.
CREATE TABLE dip_sample_replacement (
    id                      BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id          BIGINT        NOT NULL,
    run_id                  BIGINT        NOT NULL,
    withdrawn_id            BIGINT        NOT NULL,   -- organisation ids
    by_id                   BIGINT        NULL,       -- NULL: none was left to take its place
    reason                  VARCHAR(500)  NOT NULL,
    replaced_by             BIGINT        NOT NULL,
    replaced_by_name        VARCHAR(200)  NOT NULL,
    replaced_at             DATETIME(6)   NOT NULL
);
CREATE INDEX ix_dip_sample_replacement_run ON dip_sample_replacement (run_id, id);

-- assurance_panel_list.reason gains DIP_SAMPLE (VARCHAR(20) already holds it).
