-- The partnership's named people (issue 11): safeguarding executive members, the independent scrutineer, the
-- assistant director of education, the business manager. Escalation ladders name them by role
-- (partnerships.OfficerRecipient). Several people may hold a role; one address appears once in a role.
CREATE TABLE partnership_officer (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT        NOT NULL,
    role            VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    email           VARCHAR(254)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_partnership_officer_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT uq_partnership_officer_email UNIQUE (partnership_id, role, email)
);
