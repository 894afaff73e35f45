-- The 個別避難計画 itself (issue 14): every saved version kept with who and when; the highest version is current.
CREATE TABLE evacuation_plan_version (
    id             bigserial PRIMARY KEY,
    household_id   bigint      NOT NULL REFERENCES household (id),
    version        integer     NOT NULL CHECK (version > 0),
    state          text        NOT NULL CHECK (state IN ('DRAFT', 'COMPLETED')),
    content        jsonb       NOT NULL,
    prefilled      text[]      NOT NULL DEFAULT '{}',
    -- the home's exposure per hazard type when saved ("FLOOD=3.0m以上5.0m未満"): a new layer version that changes it
    -- marks the plan for review
    home_exposure  text[]      NOT NULL DEFAULT '{}',
    saved_by       bigint      REFERENCES app_user (id),
    saved_by_name  text        NOT NULL,
    saved_at       timestamptz NOT NULL,
    UNIQUE (household_id, version)
);

-- Why the current plan must be looked at again (見直しが必要); cleared by the next saved version.
CREATE TABLE evacuation_plan_review (
    id              bigserial PRIMARY KEY,
    household_id    bigint      NOT NULL REFERENCES household (id),
    reason          text        NOT NULL,
    detail          text,
    raised_at       timestamptz NOT NULL,
    resolved_by_version integer
);
CREATE INDEX evacuation_plan_review_open ON evacuation_plan_review (household_id) WHERE resolved_by_version IS NULL;
