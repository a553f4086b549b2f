-- Kept forms are bounded per client address and in total (issue 9): the address a form came from and the
-- size of its body, so that neither count nor size needs reading the bodies.
ALTER TABLE pending_form ADD COLUMN client_address VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE pending_form ADD COLUMN body_bytes INT NOT NULL DEFAULT 0;
CREATE INDEX ix_pending_form_address ON pending_form (client_address);
