-- A version uploaded as a workbook that passed every bank rule: kept as the YAML file it became, for
-- the admin to check against the bank's earlier versions and download to commit to question-banks/.
-- A draft changes nothing by itself; banks still come only from files.
CREATE TABLE bank_draft (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    bank_key        VARCHAR(60)  NOT NULL,
    version         VARCHAR(40)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    yaml            MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_bank_draft_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_bank_draft_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_bank_draft_partnership ON bank_draft (partnership_id, created_at);
