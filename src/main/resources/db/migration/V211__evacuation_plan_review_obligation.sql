-- Issue 14: a saved 個別避難計画 is reviewed at least yearly and at once after any open 見直しが必要. Replaces the
-- branch's V203, which collided with V206. The yearly due date is written with each version by PlanReview.nextDue
-- (the saved day plusMonths(12), Civil Code), so the rule lives in one place; rows saved before get the same date here.
ALTER TABLE evacuation_plan_version ADD COLUMN review_due_on date;
UPDATE evacuation_plan_version SET review_due_on = ((saved_at AT TIME ZONE 'Asia/Tokyo')::date + interval '12 months')::date;
ALTER TABLE evacuation_plan_version ALTER COLUMN review_due_on SET NOT NULL;

-- Every obligation in one view (V206's open return kept): the plan review is due on the current version's yearly date,
-- or on the day the first open 見直しが必要 was raised if that is earlier. A new saved version moves the due date, so the
-- reminders of the old one are left out when they are composed (as for the other obligations).
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
WHERE l.state = 'RETURN_OPEN' AND l.return_opened_on IS NOT NULL
UNION ALL
SELECT l.id, l.household_id, 'EVACUATION_PLAN_REVIEW'::text,
       least(p.review_due_on,
             (SELECT min((r.raised_at AT TIME ZONE 'Asia/Tokyo')::date) FROM evacuation_plan_review r
              WHERE r.household_id = l.household_id AND r.resolved_by_version IS NULL))
FROM loan l
JOIN LATERAL (SELECT v.review_due_on FROM evacuation_plan_version v WHERE v.household_id = l.household_id
              ORDER BY v.version DESC LIMIT 1) p ON true
WHERE l.state = 'ACTIVE';

ALTER TABLE reminder DROP CONSTRAINT reminder_obligation_check;
ALTER TABLE reminder ADD CONSTRAINT reminder_obligation_check
    CHECK (obligation IN ('EVACUATION_PLAN_APPLICATION', 'YEARLY_CHECK', 'LOAN_TERM_END', 'DEVICE_RETURN',
                          'EVACUATION_PLAN_REVIEW'));
