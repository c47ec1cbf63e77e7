-- Accord schema, version 1.
-- Portable between H2 2.x and MariaDB 10.11: no vendor-only types or clauses.
-- Money is BIGINT minor units plus CHAR(3) ISO 4217 currency.
-- Instants are BIGINT microseconds since the epoch (UTC): no time zone or TIMESTAMP quirks.

CREATE TABLE purchase (
    id                 VARCHAR(64)  NOT NULL,
    merchant_id        VARCHAR(64)  NOT NULL,
    customer_id        VARCHAR(64)  NOT NULL,
    merchant_order_ref VARCHAR(128) NOT NULL,
    total_minor        BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    state              VARCHAR(32)  NOT NULL,
    mode               VARCHAR(8)   NOT NULL,
    created_at         BIGINT       NOT NULL,
    updated_at         BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_purchase_state ON purchase (state);
CREATE INDEX ix_purchase_merchant_order ON purchase (merchant_id, merchant_order_ref);

CREATE TABLE purchase_item (
    purchase_id      VARCHAR(64)  NOT NULL,
    line_no          INT          NOT NULL,
    name             VARCHAR(255) NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    quantity         INT          NOT NULL,
    PRIMARY KEY (purchase_id, line_no),
    CONSTRAINT fk_purchase_item_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id)
);

CREATE TABLE outbox_message (
    id              VARCHAR(64)   NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    destination     VARCHAR(128)  NOT NULL,
    purchase_id     VARCHAR(64),
    payload         BLOB          NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    created_at      BIGINT        NOT NULL,
    last_error      VARCHAR(1000),
    done_at         BIGINT,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_due ON outbox_message (channel, done_at, next_attempt_at);

CREATE TABLE ledger_posting (
    id          VARCHAR(64)  NOT NULL,
    at          BIGINT       NOT NULL,
    purchase_id VARCHAR(64),
    description VARCHAR(255) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE ledger_leg (
    posting_id   VARCHAR(64)  NOT NULL,
    leg_no       INT          NOT NULL,
    account      VARCHAR(128) NOT NULL,
    amount_minor BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    PRIMARY KEY (posting_id, leg_no),
    CONSTRAINT fk_ledger_leg_posting FOREIGN KEY (posting_id) REFERENCES ledger_posting (id)
);
CREATE INDEX ix_ledger_leg_account ON ledger_leg (account, currency);

CREATE TABLE audit_entry (
    seq         BIGINT      NOT NULL AUTO_INCREMENT,
    at          BIGINT      NOT NULL,
    type        VARCHAR(64) NOT NULL,
    purchase_id VARCHAR(64),
    digest      CHAR(64)    NOT NULL,
    chain_hash  CHAR(64),
    PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_purchase ON audit_entry (purchase_id, seq);
