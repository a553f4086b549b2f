-- The cycle report's counts kept as returns are submitted and sent back (issue 14, ADR 0048), so a report of a cycle of
-- 2,000 returns adds up tens of thousands of small rows instead of grouping 400,000 answers on every view. They count the
-- latest submission of each return that stands submitted, as the report does. tally_question: the cycle's answers per
-- question and rating (each organisation answers a question once, so answers are also organisations).
-- tally_section: per return (so per organisation) and section, its answers per rating: the section figures, the heat
-- map and the breakdowns. report_tally_built: the cycles whose tallies hold every submission (older data is counted
-- from the answers once, the first time it is needed).
CREATE TABLE tally_question (
    cycle_id         BIGINT        NOT NULL,
    question_key     VARCHAR(100)  NOT NULL,
    rating           VARCHAR(40)   NOT NULL,
    partnership_id   BIGINT        NOT NULL,
    answers          INT           NOT NULL,
    PRIMARY KEY (cycle_id, question_key, rating)
);

CREATE TABLE tally_section (
    return_id        BIGINT        NOT NULL,
    section_key      VARCHAR(100)  NOT NULL,
    rating           VARCHAR(40)   NOT NULL,
    partnership_id   BIGINT        NOT NULL,
    cycle_id         BIGINT        NOT NULL,
    organisation_id  BIGINT        NOT NULL,
    answers          INT           NOT NULL,
    -- a cycle's rows lie together in the clustered index (MySQL, MariaDB), so a report reads them in one range
    PRIMARY KEY (cycle_id, return_id, section_key, rating)
);
CREATE INDEX ix_tally_section_return ON tally_section (return_id);

CREATE TABLE report_tally_built (
    cycle_id         BIGINT        NOT NULL PRIMARY KEY,
    built_at         DATETIME(6)   NOT NULL
);

-- A question's answers of one rating across a cycle's submissions (the drill-down from a figure to its returns) read
-- from the index alone.
CREATE INDEX ix_submission_answer_rating ON return_submission_answer (submission_id, question_key, rating);
