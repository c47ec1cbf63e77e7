-- Accord schema, version 7: every outbox row records the connector (and mode) that took it.
ALTER TABLE outbox_message ADD COLUMN delivered_via VARCHAR(128);
