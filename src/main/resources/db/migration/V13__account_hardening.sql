-- Issue 9, hardening of accounts (doc/adr/0021).

-- An address can sign in to one account (ADR 0007), but a partnership may invite an address that has an
-- account in another partnership without learning so: that invitation is an account row of its own
-- partnership that can never sign in. sign_in_email is what sign-in, resets and "does this address have an
-- account" look up: unique across the installation, NULL for such an invitation. email stays the address
-- the partnership knows the person by, unique within a partnership.
ALTER TABLE account ADD COLUMN sign_in_email VARCHAR(254) NULL;
UPDATE account SET sign_in_email = email;
ALTER TABLE account ADD CONSTRAINT uq_account_sign_in_email UNIQUE (sign_in_email);
ALTER TABLE account ADD CONSTRAINT uq_account_partnership_email UNIQUE (partnership_id, email);
ALTER TABLE account DROP CONSTRAINT uq_account_email;

-- Counters for requests anyone can make (password reset links), per fixed window: the bucket is a hash of
-- what is counted (an address, an email) and the window, so nothing typed is stored. Housekeeping deletes
-- rows whose window has ended.
CREATE TABLE request_throttle (
    bucket          CHAR(64)    NOT NULL PRIMARY KEY,
    window_ends_at  DATETIME(6) NOT NULL,
    hits            INT         NOT NULL
);
CREATE INDEX ix_request_throttle_window ON request_throttle (window_ends_at);
