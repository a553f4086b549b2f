-- What confirming an organisation import did, for its result page: the preview cannot be recomputed
-- afterwards, because applied rows then read as unchanged.
ALTER TABLE organisation_import ADD COLUMN created_count INT NOT NULL DEFAULT 0;
ALTER TABLE organisation_import ADD COLUMN updated_count INT NOT NULL DEFAULT 0;
ALTER TABLE organisation_import ADD COLUMN unchanged_count INT NOT NULL DEFAULT 0;
ALTER TABLE organisation_import ADD COLUMN archived_count INT NOT NULL DEFAULT 0;
ALTER TABLE organisation_import ADD COLUMN refused_count INT NOT NULL DEFAULT 0;
