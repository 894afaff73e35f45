-- The monthly test run (試運転) a family is asked to do with the lent generator (generators that sit unused fail when
-- needed): one row per loan and month, written when the email is decided (so a re-run or a second instance asks once),
-- answered through one of the email's two signed links, 「正常に動いた」 (OK) or 「問題があった」 (PROBLEM).
CREATE TABLE test_run (
    id                  bigserial PRIMARY KEY,
    loan_id             bigint      NOT NULL REFERENCES loan (id),
    household_id        bigint      NOT NULL REFERENCES household (id),
    device_id           bigint      NOT NULL REFERENCES device (id),
    asked_month         date        NOT NULL CHECK (extract(day FROM asked_month) = 1),
    asked_at            timestamptz NOT NULL,
    answer              text CHECK (answer IN ('OK', 'PROBLEM')),
    answered_at         timestamptz,
    answered_via        text CHECK (answered_via IN ('EMAIL_LINK')),
    problem_description text CHECK (length(problem_description) <= 500),
    version             bigint      NOT NULL DEFAULT 0,
    UNIQUE (loan_id, asked_month),
    CHECK ((answer IS NULL) = (answered_at IS NULL)),
    CHECK (problem_description IS NULL OR answer = 'PROBLEM')
);
CREATE INDEX test_run_device ON test_run (device_id, answered_at DESC);

-- a family's 「問題があった」 opens a follow-up named by its test run (the column exists since V190)
ALTER TABLE follow_up ADD CONSTRAINT follow_up_test_run FOREIGN KEY (test_run_id) REFERENCES test_run (id);
