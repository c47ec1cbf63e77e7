-- Accord schema, version 14: accounts of the operator console. The password is an Argon2id hash
-- (PHC string), the TOTP secret is kept in Base32 (the server must compute codes from it);
-- last_code_step refuses a code used twice within its validity window.
CREATE TABLE operator_account (
    login          VARCHAR(64)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    totp_secret    VARCHAR(64)  NOT NULL,
    failures       INT          NOT NULL,
    locked_until   BIGINT,
    last_code_step BIGINT       NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (login)
);
