-- The outcome a moderator has chosen but not yet confirmed. case_moderation.outcome stays NULL until confirmation,
-- because every list counts a case as moderated once its outcome is set (ADR 0035).
ALTER TABLE case_moderation ADD COLUMN draft_outcome VARCHAR(20) NULL;
