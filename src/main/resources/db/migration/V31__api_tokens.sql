-- API tokens an admin creates for the partnership's BI tools (issue 14). Only the SHA-256 of the secret is kept:
-- the secret is shown once, on the page after creating it.
CREATE TABLE api_token (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT        NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    token_hash          CHAR(64)      NOT NULL,
    moderated_only      BOOLEAN       NOT NULL,   -- leave out returns whose panel moderation is not confirmed
    expires_on          DATE          NOT NULL,   -- usable up to the end of this day (Europe/London)
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    revoked_by          BIGINT        NULL,
    revoked_at          DATETIME(6)   NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_partnership ON api_token (partnership_id);

-- Every call made with a known token, refused or not.
CREATE TABLE api_call (
    id                  BIGINT        AUTO_INCREMENT PRIMARY KEY,
    token_id            BIGINT        NOT NULL,
    path                VARCHAR(500)  NOT NULL,
    status              INT           NOT NULL,
    called_at           DATETIME(6)   NOT NULL
);
CREATE INDEX ix_api_call_token ON api_call (token_id, called_at);
