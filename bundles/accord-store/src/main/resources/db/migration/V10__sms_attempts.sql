-- Accord schema, version 10: every hand-over of an SMS to a carrier, and the carrier's delivery report.
-- An outbox row on channel sms stays pending until a report says delivered (or its carrier sends none);
-- with no report in time it is handed to the next carrier of its route.
CREATE TABLE sms_attempt (
    message_id  VARCHAR(64)   NOT NULL,
    attempt_no  INT           NOT NULL,
    carrier_id  VARCHAR(64)   NOT NULL,
    to_e164     VARCHAR(20)   NOT NULL,
    sent_at     BIGINT        NOT NULL,
    reported_at BIGINT,
    delivered   BOOLEAN,
    detail      VARCHAR(255),
    PRIMARY KEY (message_id, attempt_no)
);
CREATE INDEX ix_sms_attempt_sent ON sms_attempt (sent_at);
