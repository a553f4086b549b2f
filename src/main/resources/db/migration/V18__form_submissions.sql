-- One row per state-changing form post that carried a one-time form id (org.assure.web.OnceOnlyForms,
-- ADR 0026), so that the same form posted twice (a double click, a resend after a slow response) makes one
-- change and shows the same success page twice. claim_key is the SHA-256 of the browser's CSRF seed and the
-- form id together: it is the unique key on (browser, form id), and only the browser that posted the form
-- can ever match it. location is NULL while the first post is still running, then the page its 303 sent the
-- person to. A post that did not succeed leaves no row. Rows are deleted after an hour by the due-work
-- runner; signed_in lets the anonymous ones (sign-in, password reset) be capped on their own.
CREATE TABLE form_submission (
    claim_key   CHAR(64)       NOT NULL PRIMARY KEY,
    path        VARCHAR(300)   NOT NULL,
    signed_in   BOOLEAN        NOT NULL,
    location    VARCHAR(1000)  NULL,
    claimed_at  DATETIME(6)    NOT NULL
);
CREATE INDEX ix_form_submission_claimed ON form_submission (claimed_at);
CREATE INDEX ix_form_submission_anonymous ON form_submission (signed_in, claimed_at);
