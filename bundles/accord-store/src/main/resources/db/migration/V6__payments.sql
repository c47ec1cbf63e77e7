-- Accord schema, version 6: payments.
-- Purchase details the state machine needs, bank instructions with the connector and mode used,
-- and the merchant event log (what webhooks deliver).

ALTER TABLE purchase ADD COLUMN refunded_minor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE purchase ADD COLUMN challenge_id VARCHAR(64);
ALTER TABLE purchase ADD COLUMN reason VARCHAR(255);
ALTER TABLE purchase ADD COLUMN courier_id VARCHAR(64);
ALTER TABLE purchase ADD COLUMN tracking_ref VARCHAR(128);
ALTER TABLE purchase ADD COLUMN shipped_at BIGINT;
ALTER TABLE purchase ADD COLUMN disputed_from VARCHAR(32);
ALTER TABLE purchase ADD COLUMN return_url VARCHAR(1000);
CREATE INDEX ix_purchase_state_updated ON purchase (state, updated_at);
CREATE INDEX ix_purchase_merchant_created ON purchase (merchant_id, created_at, id);
CREATE INDEX ix_purchase_customer_created ON purchase (customer_id, created_at, id);
CREATE INDEX ix_purchase_shipment ON purchase (courier_id, tracking_ref);

CREATE TABLE bank_instruction (
    idempotency_key VARCHAR(64)  NOT NULL,
    purchase_id     VARCHAR(64)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    bank_id         VARCHAR(64)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    iban            VARCHAR(34)  NOT NULL,
    bic             VARCHAR(11),
    holder          VARCHAR(140) NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(32),
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (idempotency_key)
);
CREATE INDEX ix_bank_instruction_purchase ON bank_instruction (purchase_id);
CREATE INDEX ix_bank_instruction_bank ON bank_instruction (bank_id, created_at);

CREATE TABLE merchant_event (
    seq         BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    VARCHAR(64)   NOT NULL,
    merchant_id VARCHAR(64)   NOT NULL,
    purchase_id VARCHAR(64)   NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    at          BIGINT        NOT NULL,
    PRIMARY KEY (seq)
);
CREATE UNIQUE INDEX ux_merchant_event_id ON merchant_event (event_id);
CREATE INDEX ix_merchant_event_merchant ON merchant_event (merchant_id, seq);
CREATE INDEX ix_merchant_event_purchase ON merchant_event (purchase_id, seq);
