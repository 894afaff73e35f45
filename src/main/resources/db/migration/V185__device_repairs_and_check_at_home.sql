-- A repair of a device (修理), opened whenever a device enters 修理中 and closed when it comes back: why, when, what it
-- cost and whether the family bears it (seed 000, line 538: only for damage or loss the family caused). A device
-- swapped out of a running loan keeps that loan on its repair, so the loan page shows it.
CREATE TABLE device_repair (
    id             bigserial PRIMARY KEY,
    device_id      bigint      NOT NULL REFERENCES device (id),
    loan_id        bigint REFERENCES loan (id),
    sent_on        date        NOT NULL,
    reason         text        NOT NULL,
    finished_on    date CHECK (finished_on IS NULL OR finished_on >= sent_on),
    cost_yen       integer CHECK (cost_yen IS NULL OR cost_yen >= 0),
    family_liable  boolean     NOT NULL DEFAULT false,
    liability_note text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    -- the family pays only for a repair of a device it had on loan, and only with the reason written down
    CHECK (NOT family_liable OR (loan_id IS NOT NULL AND liability_note IS NOT NULL))
);
-- at most one repair open per device
CREATE UNIQUE INDEX device_repair_open ON device_repair (device_id) WHERE finished_on IS NULL;
CREATE INDEX device_repair_loan ON device_repair (loan_id) WHERE loan_id IS NOT NULL;

-- 在宅 (line 486) at the yearly check: the child lives at home rather than in a hospital or facility. Checks before
-- this column found nothing else.
ALTER TABLE inspection ADD COLUMN child_lives_at_home boolean NOT NULL DEFAULT true;
