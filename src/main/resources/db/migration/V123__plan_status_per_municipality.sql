-- 貸与開始から6か月以内にお住いの市町村へ個別避難計画の作成を申請 (seed 000, line 540): the plan belongs to the
-- municipality the family lives in. The loan's plan columns are the status with plan_municipality_code; a move to
-- another municipality archives them here and starts the new municipality's status (the deadline stays the loan's).
ALTER TABLE loan ADD COLUMN plan_municipality_code text;
UPDATE loan l SET plan_municipality_code = h.municipality_code FROM household h WHERE h.id = l.household_id;

CREATE TABLE loan_plan_status_archive (
    id                bigserial PRIMARY KEY,
    loan_id           bigint      NOT NULL REFERENCES loan (id),
    household_id      bigint      NOT NULL REFERENCES household (id),
    municipality_code text,
    plan_status       text        NOT NULL CHECK (plan_status IN ('NOT_APPLIED', 'APPLIED', 'ACCEPTED', 'COMPLETED')),
    applied_on        date,
    accepted_on       date,
    completed_on      date,
    archived_on       date        NOT NULL,
    archived_at       timestamptz NOT NULL
);
CREATE INDEX loan_plan_status_archive_loan ON loan_plan_status_archive (loan_id, id);
