-- Some emails carry a secret only their recipient may read: a one-time link to set or reset a password.
-- The outbox marks them (carries_secret), never shows their content to admins, and forgets their content
-- (body, html_body) once SMTP has accepted them, keeping who, subject, kind, status and times (ADR 0020).
ALTER TABLE outbox_email ADD COLUMN kind VARCHAR(60) NULL;
ALTER TABLE outbox_email ADD COLUMN carries_secret BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE outbox_email MODIFY body TEXT NULL;

-- Rows written before this carry no kind; the only emails with one-time links are the invitation and the
-- password reset, whose links are the only ones to these two paths.
UPDATE outbox_email SET carries_secret = TRUE
 WHERE body LIKE '%/invitations/%' OR body LIKE '%/password-reset/%';
UPDATE outbox_email SET body = NULL, html_body = NULL
 WHERE carries_secret = TRUE AND sent_at IS NOT NULL;
