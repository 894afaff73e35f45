-- 貸与申請: possible only once the program application is approved.
CREATE TABLE loan_application (
    id                     bigserial PRIMARY KEY,
    program_application_id bigint      NOT NULL REFERENCES program_application (id),
    household_id           bigint      NOT NULL REFERENCES household (id),
    state                  text        NOT NULL CHECK (state IN ('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED',
                                                                  'APPROVED', 'REJECTED', 'WITHDRAWN',
                                                                  'DEVICE_ASSIGNED', 'HANDED_OVER')),
    received_on            date        NOT NULL,
    information_request    text,
    decided_on             date,
    decision_reason        text,
    decided_by             bigint REFERENCES app_user (id),
    device_id              bigint REFERENCES device (id),
    device_assigned_on     date,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0,
    CHECK ((state IN ('DEVICE_ASSIGNED', 'HANDED_OVER')) = (device_id IS NOT NULL))
);
-- One loan application per approved program application, unless it was rejected or withdrawn.
CREATE UNIQUE INDEX loan_application_one_per_program ON loan_application (program_application_id)
    WHERE state NOT IN ('REJECTED', 'WITHDRAWN');
-- A device is reserved for at most one application.
CREATE UNIQUE INDEX loan_application_device_reserved ON loan_application (device_id)
    WHERE state = 'DEVICE_ASSIGNED';

-- The loan itself: it starts at the handover and runs at most 5 years.
CREATE TABLE loan (
    id                     bigserial PRIMARY KEY,
    loan_application_id    bigint      NOT NULL UNIQUE REFERENCES loan_application (id),
    program_application_id bigint      NOT NULL REFERENCES program_application (id),
    household_id           bigint      NOT NULL REFERENCES household (id),
    device_id              bigint      NOT NULL REFERENCES device (id),
    state                  text        NOT NULL CHECK (state IN ('ACTIVE', 'RETURN_OPEN', 'DEVICE_RECEIVED', 'ENDED')),
    start_date             date        NOT NULL,
    -- computed once by LoanTerm / EvacuationPlanDeadline / YearlyCheckSchedule in Java (the Civil Code rule in one place)
    max_end_date           date        NOT NULL,
    plan_deadline          date        NOT NULL,
    next_check_due         date        NOT NULL,
    -- 個別避難計画 tracked to done
    plan_applied_on        date,
    plan_accepted_on       date,
    plan_completed_on      date,
    -- the return
    return_reason          text CHECK (return_reason IN ('MOVED_OUT_OF_PREFECTURE', 'WEANED_OFF_VENTILATOR', 'TERM_ENDED',
                                                         'INSPECTION_FAILED', 'FAMILY_REQUEST', 'OTHER')),
    return_note            text,
    return_opened_on       date,
    device_received_on     date,
    returned_device_condition text CHECK (returned_device_condition IN ('GOOD', 'WORN', 'DAMAGED')),
    ended_on               date,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0,
    CHECK (max_end_date > start_date AND plan_deadline > start_date),
    CHECK (plan_accepted_on IS NULL OR plan_applied_on IS NOT NULL),
    CHECK (plan_completed_on IS NULL OR plan_accepted_on IS NOT NULL),
    CHECK ((state = 'ACTIVE') = (return_reason IS NULL)),
    CHECK ((state = 'ENDED') = (ended_on IS NOT NULL))
);
-- A device is on at most one loan that has not ended; a family has at most one such loan.
CREATE UNIQUE INDEX loan_device_not_ended ON loan (device_id) WHERE state <> 'ENDED';
CREATE UNIQUE INDEX loan_household_not_ended ON loan (household_id) WHERE state <> 'ENDED';
CREATE INDEX loan_state ON loan (state);

-- 貸与条件の同意 (seed 000, line 538): running costs, and repair costs for loss or damage the family caused.
-- Recorded at the handover; can be sent again and tracked until the family accepts.
CREATE TABLE terms_acceptance (
    id                        bigserial PRIMARY KEY,
    loan_id                   bigint      NOT NULL REFERENCES loan (id),
    terms_version             text        NOT NULL,
    channel                   text        NOT NULL CHECK (channel IN ('IN_PERSON', 'POST', 'EMAIL')),
    state                     text        NOT NULL CHECK (state IN ('SENT', 'ACCEPTED', 'SUPERSEDED')),
    sent_on                   date        NOT NULL,
    sent_to                   text,
    requested_by              bigint REFERENCES app_user (id),
    accepted_on               date,
    accepted_by_name          text,
    running_costs_accepted    boolean     NOT NULL DEFAULT false,
    repair_liability_accepted boolean     NOT NULL DEFAULT false,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    version                   bigint      NOT NULL DEFAULT 0,
    CHECK ((state = 'ACCEPTED') = (accepted_on IS NOT NULL AND running_costs_accepted AND repair_liability_accepted))
);
CREATE INDEX terms_acceptance_loan ON terms_acceptance (loan_id, id);

-- 紛失・破損: loss or damage during a loan, with its cost and whether the family is liable.
CREATE TABLE loan_incident (
    id               bigserial PRIMARY KEY,
    loan_id          bigint      NOT NULL REFERENCES loan (id),
    device_id        bigint      NOT NULL REFERENCES device (id),
    occurred_on      date        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('LOSS', 'DAMAGE', 'MALFUNCTION')),
    description      text        NOT NULL,
    repair_cost_yen  integer CHECK (repair_cost_yen >= 0),
    family_liable    boolean     NOT NULL,
    liability_note   text,
    recorded_by      bigint REFERENCES app_user (id),
    created_at       timestamptz NOT NULL,
    CHECK (NOT family_liable OR kind <> 'MALFUNCTION')
);
CREATE INDEX loan_incident_loan ON loan_incident (loan_id);
