-- 最長で5年間貸与 (seed 000, line 503) counts every loan of the child; a center admin may grant a new full term,
-- with a written reason, before the handover.
CREATE TABLE loan_term_exception (
    id                  bigserial PRIMARY KEY,
    loan_application_id bigint      NOT NULL UNIQUE REFERENCES loan_application (id),
    household_id        bigint      NOT NULL REFERENCES household (id),
    reason              text        NOT NULL CHECK (length(btrim(reason)) >= 10),
    recorded_by         bigint      NOT NULL REFERENCES app_user (id),
    recorded_at         timestamptz NOT NULL
);
