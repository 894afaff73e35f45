-- The history of every lifecycle in the program (applications, loans, devices, inspections, households):
-- who did what, when, why, and the state before and after. The UI shows it as a timeline per loan.
CREATE TABLE lifecycle_event (
    id             bigserial PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    -- the business date the step took effect (a decision made on paper last week is recorded today)
    effective_on   date        NOT NULL,
    subject_type   text        NOT NULL CHECK (subject_type IN ('PROGRAM_APPLICATION', 'LOAN_APPLICATION', 'LOAN',
                                                                'DEVICE', 'INSPECTION', 'INCIDENT', 'HOUSEHOLD',
                                                                'TERMS_ACCEPTANCE')),
    subject_id     bigint      NOT NULL,
    household_id   bigint,
    loan_id        bigint,
    action         text        NOT NULL,
    state_before   text,
    state_after    text,
    reason         text,
    detail         text,
    actor_user_id  bigint,
    actor_username text        NOT NULL,
    actor_role     text        NOT NULL
);
CREATE INDEX lifecycle_event_subject ON lifecycle_event (subject_type, subject_id, id);
CREATE INDEX lifecycle_event_loan ON lifecycle_event (loan_id, id) WHERE loan_id IS NOT NULL;
CREATE INDEX lifecycle_event_household ON lifecycle_event (household_id, id);

-- History is never rewritten: a correction is a new event.
CREATE TRIGGER lifecycle_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON lifecycle_event
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER lifecycle_event_no_truncate
    BEFORE TRUNCATE ON lifecycle_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
