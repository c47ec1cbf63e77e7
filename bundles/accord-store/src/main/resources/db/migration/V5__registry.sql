-- Accord schema, version 5: customers, merchants, enrolments (the registry).
-- Same rules as V1: portable between H2 2.x and MariaDB 10.11, instants as BIGINT epoch
-- microseconds (UTC), enums as VARCHAR names, byte arrays as BLOB.

-- Customers. status is PENDING, ACTIVE or CLOSED (LOCKED is the credential's, never stored here).
-- reference_no is NULL until enrolment completes: a UNIQUE column may hold any number of NULLs.
CREATE TABLE customer (
    id               VARCHAR(64)   NOT NULL,
    reference_no     VARCHAR(32),
    phone_e164       VARCHAR(20)   NOT NULL,
    country          CHAR(2)       NOT NULL,
    iban             VARCHAR(34)   NOT NULL,
    bic              VARCHAR(11),
    account_holder   VARCHAR(255)  NOT NULL,
    mandate_id       VARCHAR(64),
    address_name     VARCHAR(255)  NOT NULL,
    address_street   VARCHAR(1000) NOT NULL,
    address_postcode VARCHAR(32)   NOT NULL,
    address_city     VARCHAR(255)  NOT NULL,
    address_country  CHAR(2)       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    password_hash    VARCHAR(255)  NOT NULL,
    created_at       BIGINT        NOT NULL,
    enrolled_at      BIGINT,
    updated_at       BIGINT        NOT NULL,
    version          BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_customer_phone ON customer (phone_e164);
CREATE UNIQUE INDEX ux_customer_reference ON customer (reference_no);

-- Enrolments: the one-time code only as SHA-256(salt || code).
CREATE TABLE customer_enrolment (
    id          VARCHAR(64) NOT NULL,
    customer_id VARCHAR(64) NOT NULL,
    phone_e164  VARCHAR(20) NOT NULL,
    nonce       BLOB        NOT NULL,
    code_salt   BLOB        NOT NULL,
    code_hash   BLOB        NOT NULL,
    state       VARCHAR(16) NOT NULL,
    attempts    INT         NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    updated_at  BIGINT      NOT NULL,
    version     BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_enrolment_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_enrolment_customer ON customer_enrolment (customer_id, created_at);

-- Merchants. admission_conditions: the condition names that hold, comma-separated, sorted.
CREATE TABLE merchant (
    id                   VARCHAR(64)   NOT NULL,
    legal_name           VARCHAR(255)  NOT NULL,
    display_name         VARCHAR(64)   NOT NULL,
    iban                 VARCHAR(34)   NOT NULL,
    bic                  VARCHAR(11),
    account_holder       VARCHAR(255)  NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    admission_conditions VARCHAR(1000) NOT NULL,
    paid_count           BIGINT        NOT NULL,
    refunded_count       BIGINT        NOT NULL,
    disputed_count       BIGINT        NOT NULL,
    created_at           BIGINT        NOT NULL,
    updated_at           BIGINT        NOT NULL,
    version              BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_merchant_status ON merchant (status, id);

-- Every decision about a merchant (never updated).
CREATE TABLE merchant_decision (
    seq         BIGINT        NOT NULL AUTO_INCREMENT,
    merchant_id VARCHAR(64)   NOT NULL,
    at          BIGINT        NOT NULL,
    decision    VARCHAR(128)  NOT NULL,
    actor       VARCHAR(128)  NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT fk_decision_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_decision_merchant ON merchant_decision (merchant_id, seq);
