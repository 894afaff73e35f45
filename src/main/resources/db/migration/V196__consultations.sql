-- 相談記録: the center takes consultations (seed 000, line 574) from 2025-10-31 (line 490), often before any household
-- or application exists; the record is linked to them once they do.
CREATE TABLE consultation (
    id                     bigserial PRIMARY KEY,
    consulted_on           date        NOT NULL CHECK (consulted_on >= DATE '2025-10-31'),
    channel                text        NOT NULL CHECK (channel IN ('PHONE', 'VISIT_CENTER', 'EMAIL', 'HOME_VISIT', 'ONLINE', 'OTHER')),
    consulter_name         text        NOT NULL,
    consulter_relation     text,
    consulter_contact      text,
    child_name             text,
    child_name_kana        text,
    household_id           bigint REFERENCES household (id),
    program_application_id bigint REFERENCES program_application (id),
    topic                  text        NOT NULL,
    outcome                text,
    follow_up_on           date,
    follow_up_note         text,
    recorded_by            text        NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0,
    CHECK (household_id IS NOT NULL OR child_name IS NOT NULL),
    CHECK (program_application_id IS NULL OR household_id IS NOT NULL)
);
CREATE INDEX consultation_by_date ON consultation (consulted_on DESC, id DESC);
CREATE INDEX consultation_household ON consultation (household_id) WHERE household_id IS NOT NULL;
