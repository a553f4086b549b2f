-- A form posted after its session had ended (expired or signed out elsewhere), kept so that the answers
-- can be shown again after signing in (ADR 0012). The browser's cookie holds a random token; only its
-- SHA-256 is stored. path is where the form was posted: it is shown again only on that form's own page.
-- Rows are used once, and expire after 24 hours (deleted by the hourly housekeeping job).
CREATE TABLE pending_form (
    token_hash  CHAR(64)      NOT NULL PRIMARY KEY,
    path        VARCHAR(300)  NOT NULL,
    body        LONGBLOB      NOT NULL,
    created_at  DATETIME(6)   NOT NULL
);
CREATE INDEX ix_pending_form_created ON pending_form (created_at);
