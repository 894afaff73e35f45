-- Each change of a household's consents (seed 000, line 544: sharing in normal times may need consent by ordinance),
-- written in the same transaction as the change; earlier corrections stay in the lifecycle log as they were.
CREATE TABLE household_consent_change (
    id             bigserial PRIMARY KEY,
    household_id   bigint      NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    changed_on     date        NOT NULL,
    agreed_by      text,
    scope          text        NOT NULL,
    shares_with_municipality boolean NOT NULL,
    email_contact  boolean     NOT NULL,
    ordinance_note text        NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX household_consent_change_household ON household_consent_change (household_id, recorded_at);
