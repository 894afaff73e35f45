-- A staff alert when one user's refusals (audit_log entries of action REFUSED, with their counts) pass the threshold
-- within an hour: at most one per user per hour, emailed to the center through the outbox and shown on the dashboard.
CREATE TABLE refusal_alert (
    id         bigserial PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    -- the refusals counted in the hour before raised_at, and when the first of them was
    refusals   integer     NOT NULL CHECK (refusals > 0),
    since      timestamptz NOT NULL,
    raised_at  timestamptz NOT NULL
);
CREATE INDEX refusal_alert_user ON refusal_alert (user_id, raised_at);
CREATE INDEX refusal_alert_raised ON refusal_alert (raised_at);
