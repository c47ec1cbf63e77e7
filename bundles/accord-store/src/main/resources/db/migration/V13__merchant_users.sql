-- Accord schema, version 13: accounts of the merchant console. A login (lower case) is unique across
-- merchants; the password is an Argon2id hash in the PHC string format, as customers' console passwords.
CREATE TABLE merchant_user (
    id                  VARCHAR(64)  NOT NULL,
    merchant_id         VARCHAR(64)  NOT NULL,
    login               VARCHAR(128) NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    created_at          BIGINT       NOT NULL,
    password_changed_at BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_merchant_user_login ON merchant_user (login);
CREATE INDEX ix_merchant_user_merchant ON merchant_user (merchant_id, created_at);
