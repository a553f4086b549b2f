-- Emails are rendered from templates into a plain-text part (body, as before) and an HTML part, sent
-- together as multipart/alternative. Rows written before this have no HTML part and stay plain text.
ALTER TABLE outbox_email ADD COLUMN html_body MEDIUMTEXT NULL;
