-- Contract for the hazards and UI features: the 個別避難計画 status of each household with a loan that has not
-- ended (a family has at most one). Name and columns are fixed; other features query it.
CREATE VIEW household_evacuation_plan_status AS
SELECT l.household_id::bigint AS household_id,
       l.id::bigint           AS loan_id,
       l.start_date           AS loan_start,
       l.plan_deadline        AS plan_deadline,
       (CASE
            WHEN l.plan_completed_on IS NOT NULL THEN 'COMPLETED'
            WHEN l.plan_accepted_on IS NOT NULL THEN 'ACCEPTED'
            WHEN l.plan_applied_on IS NOT NULL THEN 'APPLIED'
            ELSE 'NOT_APPLIED'
        END)::text            AS plan_status,
       l.plan_applied_on      AS applied_on,
       l.plan_accepted_on     AS accepted_on,
       l.plan_completed_on    AS completed_on
FROM loan l
WHERE l.state <> 'ENDED';

-- The obligations of running loans and their due dates, for the work lists and reminders:
-- the plan application (until applied), the yearly check, and the end of the 5-year term.
CREATE VIEW loan_obligation AS
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
WHERE l.state = 'ACTIVE';

-- Contract for the disaster-day feature: each lent generator with its tank, runtime per tank and the fuel the
-- family stored at the latest check. Autonomy in hours = fuel_stored_litres / tank_litres * runtime_hours_per_tank.
CREATE VIEW household_generator_fuel AS
SELECT l.household_id,
       l.id                       AS loan_id,
       d.id                       AS device_id,
       d.rated_output_watts,
       d.tank_litres,
       d.runtime_hours_per_tank,
       latest.fuel_stored_litres,
       latest.inspected_on        AS fuel_recorded_on
FROM loan l
         JOIN device d ON d.id = l.device_id
         LEFT JOIN LATERAL (SELECT i.fuel_stored_litres, i.inspected_on
                            FROM inspection i
                            WHERE i.loan_id = l.id
                            ORDER BY i.inspected_on DESC, i.id DESC
                            LIMIT 1) latest ON true
WHERE l.state IN ('ACTIVE', 'RETURN_OPEN');
