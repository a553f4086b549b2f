-- An uploaded school list's rows as read once, when it was uploaded: the preview and confirming work
-- from these and never parse the stored file again (issue 9). Values are the file's own words, cut at
-- 500 characters (longer than anything the import accepts, so a longer value is still refused).
CREATE TABLE organisation_import_row (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    import_id               BIGINT       NOT NULL,
    sheet_row               INT          NOT NULL,
    urn                     VARCHAR(500) NOT NULL,
    name                    VARCHAR(500) NOT NULL,
    type                    VARCHAR(500) NOT NULL,
    status                  VARCHAR(500) NOT NULL,
    phase                   VARCHAR(500) NOT NULL,
    trusts                  VARCHAR(500) NOT NULL,
    local_authority         VARCHAR(500) NOT NULL,
    postcode                VARCHAR(500) NOT NULL,
    boarders                VARCHAR(500) NOT NULL,
    boarding_establishment  VARCHAR(500) NOT NULL,
    nursery_provision       VARCHAR(500) NOT NULL,
    head_title              VARCHAR(500) NOT NULL,
    head_first_name         VARCHAR(500) NOT NULL,
    head_last_name          VARCHAR(500) NOT NULL,
    CONSTRAINT fk_import_row_import FOREIGN KEY (import_id) REFERENCES organisation_import (id),
    CONSTRAINT uq_import_row UNIQUE (import_id, sheet_row)
);

-- A refused upload is kept (without its file) with why, so the page saying so has an address of its
-- own: the upload form posts to a URL carrying its CSRF token, which must not stay in the address bar.
ALTER TABLE organisation_import ADD COLUMN problem VARCHAR(1000) NULL;

-- The same for a refused bank workbook: its problems, by sheet and row, for the page that lists them.
CREATE TABLE bank_upload_refusal (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    problems        MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_bank_refusal_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
);
