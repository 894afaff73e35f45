-- 研修会: the center's training on making the 個別避難計画, for families with a loan or an application in progress
-- (seed 000, line 579); who was invited, how, and who attended.
CREATE TABLE training_session (
    id          bigserial PRIMARY KEY,
    held_on     date        NOT NULL,
    starts_at   time        NOT NULL,
    ends_at     time        NOT NULL CHECK (ends_at > starts_at),
    place       text        NOT NULL,
    topic       text        NOT NULL,
    capacity    integer     NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX training_session_by_date ON training_session (held_on DESC, id DESC);

CREATE TABLE training_attendee (
    id                 bigserial PRIMARY KEY,
    session_id         bigint      NOT NULL REFERENCES training_session (id),
    household_id       bigint      NOT NULL REFERENCES household (id),
    invited_at         timestamptz NOT NULL,
    invited_by         text        NOT NULL,
    -- EMAIL: the invitation went to the outbox; PHONE: no consent or no address, the center calls
    invited_by_channel text        NOT NULL CHECK (invited_by_channel IN ('EMAIL', 'PHONE')),
    attendance         text        CHECK (attendance IN ('ATTENDED', 'ABSENT')),
    attendance_recorded_at timestamptz,
    UNIQUE (session_id, household_id)
);
CREATE INDEX training_attendee_household ON training_attendee (household_id);
