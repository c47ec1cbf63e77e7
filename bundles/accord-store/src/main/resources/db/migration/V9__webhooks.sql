-- Accord schema, version 9: merchants' webhook endpoints, each with its delivery cursor.
CREATE TABLE webhook_endpoint (
    id              VARCHAR(64)   NOT NULL,
    merchant_id     VARCHAR(64)   NOT NULL,
    url             VARCHAR(1000) NOT NULL,
    mode            VARCHAR(8)    NOT NULL,
    created_at      BIGINT        NOT NULL,
    disabled_at     BIGINT,
    delivered_up_to BIGINT        NOT NULL,
    failing_since   BIGINT,
    last_error      VARCHAR(1000),
    next_attempt_at BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_merchant ON webhook_endpoint (merchant_id);
CREATE INDEX ix_webhook_due ON webhook_endpoint (disabled_at, next_attempt_at);
