-- 年1回程度の確認 (seed 000, line 541): how the unit is used, its condition, and whether the conditions still hold.
CREATE TABLE inspection (
    id                                 bigserial PRIMARY KEY,
    loan_id                            bigint        NOT NULL REFERENCES loan (id),
    device_id                          bigint        NOT NULL REFERENCES device (id),
    household_id                       bigint        NOT NULL REFERENCES household (id),
    inspected_on                       date          NOT NULL,
    -- the checklist
    device_condition                   text          NOT NULL CHECK (device_condition IN ('GOOD', 'WORN', 'DAMAGED')),
    test_run_passed                    boolean       NOT NULL,
    fuel_stored_safely                 boolean       NOT NULL,
    fuel_stored_litres                 numeric(6, 2) NOT NULL CHECK (fuel_stored_litres >= 0),
    child_uses_ventilator_around_clock boolean       NOT NULL,
    family_lives_in_prefecture         boolean       NOT NULL,
    notes                              text,
    outcome                            text          NOT NULL CHECK (outcome IN ('CONDITIONS_MET', 'FOLLOW_UP_NEEDED',
                                                                                  'CONDITIONS_NOT_MET')),
    recorded_by                        bigint REFERENCES app_user (id),
    created_at                         timestamptz   NOT NULL,
    version                            bigint        NOT NULL DEFAULT 0,
    -- an inspection that finds the family outside the prefecture or the child off the ventilator fails eligibility
    CHECK ((outcome = 'CONDITIONS_NOT_MET') = (NOT child_uses_ventilator_around_clock OR NOT family_lives_in_prefecture))
);
CREATE INDEX inspection_loan ON inspection (loan_id, inspected_on);

-- Photos are files under inochi.files.dir; the row names the file and what was checked about it.
CREATE TABLE inspection_photo (
    id                bigserial PRIMARY KEY,
    inspection_id     bigint      NOT NULL REFERENCES inspection (id),
    stored_name       text        NOT NULL UNIQUE,
    original_name     text,
    content_type      text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    sha256            text        NOT NULL,
    width             integer     NOT NULL,
    height            integer     NOT NULL,
    uploaded_by       bigint REFERENCES app_user (id),
    uploaded_at       timestamptz NOT NULL
);
CREATE INDEX inspection_photo_inspection ON inspection_photo (inspection_id);
