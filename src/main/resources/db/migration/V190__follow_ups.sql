-- Follow-up tasks (要対応): opened by a yearly check that finds a damaged device, a failed test run or unsafe fuel,
-- or by a family's 「問題があった」 reply to the monthly test-run reminder; open until staff mark them done with a note.
CREATE TABLE follow_up (
    id             bigserial PRIMARY KEY,
    loan_id        bigint      NOT NULL REFERENCES loan (id),
    household_id   bigint      NOT NULL REFERENCES household (id),
    device_id      bigint      NOT NULL REFERENCES device (id),
    inspection_id  bigint UNIQUE REFERENCES inspection (id),
    test_run_id    bigint UNIQUE,
    reasons        text        NOT NULL,
    opened_on      date        NOT NULL,
    due_on         date        NOT NULL,
    created_at     timestamptz NOT NULL,
    done_on        date,
    done_by        bigint REFERENCES app_user (id),
    done_at        timestamptz,
    done_note      text,
    version        bigint      NOT NULL DEFAULT 0,
    CHECK ((done_at IS NULL) = (done_note IS NULL))
);
CREATE INDEX follow_up_open ON follow_up (due_on) WHERE done_at IS NULL;
CREATE INDEX follow_up_loan ON follow_up (loan_id);
