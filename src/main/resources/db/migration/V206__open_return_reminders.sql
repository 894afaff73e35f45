-- Issue 15: an open return is an obligation of its own (the device back to the center, due from the day the return
-- opened), reminded to the family and staff until the device is received (the loan leaves RETURN_OPEN).
CREATE OR REPLACE VIEW loan_obligation AS
SELECT l.id AS loan_id, l.household_id, 'EVACUATION_PLAN_APPLICATION'::text AS obligation, l.plan_deadline AS due_on
FROM loan l
WHERE l.state = 'ACTIVE' AND l.plan_applied_on IS NULL
UNION ALL
SELECT l.id, l.household_id, 'YEARLY_CHECK'::text, l.next_check_due
FROM loan l
WHERE l.state = 'ACTIVE'
UNION ALL
SELECT l.id, l.household_id, 'LOAN_TERM_END'::text, l.max_end_date
FROM loan l
WHERE l.state = 'ACTIVE'
UNION ALL
SELECT l.id, l.household_id, 'DEVICE_RETURN'::text, l.return_opened_on
FROM loan l
WHERE l.state = 'RETURN_OPEN' AND l.return_opened_on IS NOT NULL;

ALTER TABLE reminder DROP CONSTRAINT reminder_obligation_check;
ALTER TABLE reminder ADD CONSTRAINT reminder_obligation_check
    CHECK (obligation IN ('EVACUATION_PLAN_APPLICATION', 'YEARLY_CHECK', 'LOAN_TERM_END', 'DEVICE_RETURN'));
