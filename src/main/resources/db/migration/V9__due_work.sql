-- The due-work runner (org.assure.jobs, ADR 0016): one scheduled job that does each feature's due work.

-- A piece of work done once, under its unique key. The row is inserted in the same transaction as the
-- work itself, before it, so a second run, a second node or a retry finds the key and never repeats it,
-- and a piece that fails leaves no row and is tried again. partnership_id is the partnership the piece
-- served, or NULL for work that serves the whole installation; descriptions and summaries name no person.
-- Rows are kept: a key forgotten could be done again.
CREATE TABLE due_work_done (
    work_key        VARCHAR(200)  NOT NULL PRIMARY KEY,
    source          VARCHAR(60)   NOT NULL,
    partnership_id  BIGINT        NULL,
    description     VARCHAR(200)  NOT NULL,
    due_at          DATETIME(6)   NOT NULL,
    done_at         DATETIME(6)   NOT NULL,
    node            VARCHAR(100)  NOT NULL,
    summary         VARCHAR(500)  NULL
);
CREATE INDEX ix_due_work_done_at ON due_work_done (done_at);

-- The last run of each node, rewritten by every run, so an admin can see that the runner is alive.
CREATE TABLE due_work_node (
    node         VARCHAR(100)   NOT NULL PRIMARY KEY,
    started_at   DATETIME(6)    NOT NULL,
    finished_at  DATETIME(6)    NOT NULL,
    summary      VARCHAR(2000)  NOT NULL,
    failures     INT            NOT NULL
);

-- Runs that did something (a piece done or failed, an email sent): one line per source in summary.
-- Runs that found nothing to do leave no row here; the runner deletes rows older than four weeks.
CREATE TABLE due_work_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    node         VARCHAR(100)   NOT NULL,
    started_at   DATETIME(6)    NOT NULL,
    finished_at  DATETIME(6)    NOT NULL,
    summary      VARCHAR(2000)  NOT NULL,
    failures     INT            NOT NULL
);
CREATE INDEX ix_due_work_run_started ON due_work_run (started_at);
