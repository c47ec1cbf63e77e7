-- Accord schema, version 16: merchant events are numbered when their transaction commits, from one
-- counter row locked until then, instead of by AUTO_INCREMENT at insert. With AUTO_INCREMENT an event
-- could take a lower number than one that committed before it, and a webhook cursor that had moved past
-- the higher one skipped it for good; a rolled-back insert left a gap. Now numbers follow commit order
-- without gaps, so a reader that has seen number n has seen every event numbered below n.
CREATE TABLE merchant_event_counter (
    id       INT    NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO merchant_event_counter (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM merchant_event;
