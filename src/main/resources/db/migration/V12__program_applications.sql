-- 市町村の装置購入助成: municipalities whose own purchase subsidy a family must use first (seed 000, lines 539, 567-570).
-- Kept as data with the date the list is valid from, so a new list can be recorded without a release.
CREATE TABLE municipal_subsidy_list (
    as_of       date PRIMARY KEY,
    source      text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE TABLE municipal_subsidy_list_entry (
    as_of             date       NOT NULL REFERENCES municipal_subsidy_list (as_of) ON DELETE CASCADE,
    municipality_code varchar(5) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (as_of, municipality_code)
);
INSERT INTO municipal_subsidy_list (as_of, source, recorded_at)
VALUES ('2025-10-01', '熊本県生命の応援事業 リーフレット Q&A（令和7年10月現在）', now());
INSERT INTO municipal_subsidy_list_entry (as_of, municipality_code) VALUES
    ('2025-10-01', '43100'), -- 熊本市
    ('2025-10-01', '43202'), -- 八代市
    ('2025-10-01', '43205'), -- 水俣市
    ('2025-10-01', '43212'), -- 上天草市
    ('2025-10-01', '43215'), -- 天草市
    ('2025-10-01', '43211'), -- 宇土市
    ('2025-10-01', '43364'), -- 玉東町
    ('2025-10-01', '43367'); -- 南関町

-- 事業利用申請: the family's application to use the program.
CREATE TABLE program_application (
    id                        bigserial PRIMARY KEY,
    household_id              bigint      NOT NULL REFERENCES household (id),
    state                     text        NOT NULL CHECK (state IN ('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED',
                                                                     'APPROVED', 'REJECTED', 'WITHDRAWN')),
    received_on               date        NOT NULL,
    -- why the family cannot use its municipality's subsidy (the exception of line 568); NULL when none recorded
    subsidy_exception_reason  text,
    information_request       text,
    decided_on                date,
    decision_reason           text,
    decided_by                bigint REFERENCES app_user (id),
    -- the named reasons the policy found at the decision, and how each was resolved (JSON)
    eligibility_at_decision   text,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    version                   bigint      NOT NULL DEFAULT 0,
    CHECK ((state IN ('APPROVED', 'REJECTED', 'WITHDRAWN')) = (decided_on IS NOT NULL))
);
-- A family has at most one application being processed at a time.
CREATE UNIQUE INDEX program_application_one_open ON program_application (household_id)
    WHERE state IN ('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED');
CREATE INDEX program_application_state ON program_application (state);

-- Staff may approve despite a named reason only with a written justification.
CREATE TABLE eligibility_override (
    id                     bigserial PRIMARY KEY,
    program_application_id bigint      NOT NULL REFERENCES program_application (id),
    reason_code            text        NOT NULL,
    justification          text        NOT NULL CHECK (length(btrim(justification)) >= 10),
    overridden_by          bigint      NOT NULL REFERENCES app_user (id),
    overridden_at          timestamptz NOT NULL,
    UNIQUE (program_application_id, reason_code)
);
