-- The transactional outbox: one row per email, for every feature (the reminders now, the disaster-day safety check
-- later). A feature enqueues a row of its own kind, under a dedupe key of its own, in the transaction that decides to
-- write; the email itself is composed at send time by the kind (re-reading the state it is about). Senders on any
-- instance claim rows with FOR UPDATE SKIP LOCKED and a state change in the same transaction.
CREATE TABLE outbox_message (
    id                  bigserial PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9.-]{1,63}$'),
    -- the same key is enqueued once, however many instances or runs try (e.g. family-digest:42:2026-05-03)
    dedupe_key          text        NOT NULL UNIQUE CHECK (length(dedupe_key) BETWEEN 1 AND 200),
    recipient           text        NOT NULL CHECK (recipient IN ('FAMILY', 'STAFF')),
    household_id        bigint REFERENCES household (id),
    -- the kind's own subject (a campaign, a report...), no foreign key: kinds are added by other features
    reference_id        bigint,
    digest_on           date,
    resend_of           bigint REFERENCES outbox_message (id),
    state               text        NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts            integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at     timestamptz NOT NULL,
    claimed_by          text,
    lease_until         timestamptz,
    last_attempt_at     timestamptz,
    last_error          text,
    sent_at             timestamptz,
    -- what was sent, as sent (the family's address and the email's text are personal data: reading them is audited)
    sent_to             text,
    subject             text,
    body_text           text,
    body_html           text,
    -- sent again after the instance sending it died before recording the result (see README, "exactly once")
    redelivered         boolean     NOT NULL DEFAULT false,
    outcome_note        text,
    -- the staff digest that told the center this message could not be delivered
    failure_reported_in bigint REFERENCES outbox_message (id),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK ((state = 'SENDING') = (claimed_by IS NOT NULL AND lease_until IS NOT NULL)),
    CHECK ((state = 'SENT') = (sent_at IS NOT NULL)),
    CHECK (recipient = 'STAFF' OR household_id IS NOT NULL)
);
CREATE INDEX outbox_message_ready ON outbox_message (next_attempt_at, id) WHERE state = 'PENDING';
CREATE INDEX outbox_message_sending ON outbox_message (lease_until, id) WHERE state = 'SENDING';
CREATE INDEX outbox_message_household ON outbox_message (household_id, id);
CREATE INDEX outbox_message_failed_unreported ON outbox_message (id) WHERE state = 'FAILED' AND failure_reported_in IS NULL;

-- Every attempt to send a message: which instance, when, and how it ended.
CREATE TABLE outbox_attempt (
    message_id  bigint      NOT NULL REFERENCES outbox_message (id),
    attempt     integer     NOT NULL CHECK (attempt >= 1),
    instance    text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    outcome     text CHECK (outcome IN ('SENT', 'RETRY', 'GAVE_UP', 'CANCELLED', 'INTERRUPTED')),
    error       text,
    PRIMARY KEY (message_id, attempt),
    CHECK ((outcome IS NULL) = (finished_at IS NULL))
);

-- The reminder sheet: one row per (loan's obligation, policy rule, due date, recipient), written by the sweep.
-- The unique key makes re-running the sweep, or running it on two instances at once, write each reminder once.
CREATE TABLE reminder (
    id               bigserial PRIMARY KEY,
    loan_id          bigint      NOT NULL REFERENCES loan (id),
    household_id     bigint      NOT NULL REFERENCES household (id),
    obligation       text        NOT NULL CHECK (obligation IN ('EVACUATION_PLAN_APPLICATION', 'YEARLY_CHECK',
                                                                'LOAN_TERM_END')),
    rule_id          text        NOT NULL,
    due_on           date        NOT NULL,
    recipient        text        NOT NULL CHECK (recipient IN ('FAMILY', 'STAFF')),
    offset_days      integer     NOT NULL,
    -- the policy's day (due_on + offset_days); swept_on is later when the sweep caught up after every instance was down
    send_on          date        NOT NULL,
    swept_on         date        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'CANCELLED', 'NOT_EMAILED', 'FAILED')),
    not_sent_because text CHECK (not_sent_because IN ('LOAN_NOT_ACTIVE', 'OBLIGATION_DONE', 'FAMILY_REPORTED',
                                                      'NO_CONSENT', 'NO_ADDRESS', 'DELIVERY_FAILED',
                                                      'CANCELLED_BY_STAFF')),
    -- the digest (family or staff) that carries it
    message_id       bigint REFERENCES outbox_message (id),
    -- a family reminder that could not be emailed: the staff digest that told the center to call instead
    staff_digest_id  bigint REFERENCES outbox_message (id),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (loan_id, obligation, rule_id, due_on, recipient),
    CHECK (send_on = due_on + offset_days),
    CHECK (swept_on >= send_on),
    CHECK ((state IN ('CANCELLED', 'NOT_EMAILED', 'FAILED')) = (not_sent_because IS NOT NULL))
);
-- (the unique key's leading loan_id, obligation also serves the sweep's "was a later rule written?" lookups)
CREATE INDEX reminder_unbound ON reminder (recipient, loan_id) WHERE state = 'PENDING' AND message_id IS NULL;
CREATE INDEX reminder_message ON reminder (message_id);
CREATE INDEX reminder_household ON reminder (household_id, id);
CREATE INDEX reminder_not_emailed_unreported ON reminder (id) WHERE state = 'NOT_EMAILED' AND staff_digest_id IS NULL;

-- The key that signs the links in emails, made by the first instance that needs it and shared by all through the
-- database (INOCHI_LINK_SECRET, when set, is used instead). Links keep working across restarts and instances.
CREATE TABLE link_signing_key (
    id         text PRIMARY KEY,
    secret     bytea       NOT NULL CHECK (length(secret) >= 32),
    created_at timestamptz NOT NULL
);

-- A link is used once: its token id is recorded in the transaction that does what the link says.
CREATE TABLE link_use (
    token_id   text PRIMARY KEY,
    action     text        NOT NULL,
    subject_id bigint      NOT NULL,
    used_at    timestamptz NOT NULL
);

-- What a family reported through a link in an email; staff see it and confirm it (or set it aside with a reason).
CREATE TABLE family_report (
    id                bigserial PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('PLAN_APPLIED', 'CHECK_SCHEDULE_REQUESTED')),
    loan_id           bigint      NOT NULL REFERENCES loan (id),
    household_id      bigint      NOT NULL REFERENCES household (id),
    reminder_id       bigint      NOT NULL REFERENCES reminder (id),
    obligation_due_on date        NOT NULL,
    token_id          text        NOT NULL UNIQUE REFERENCES link_use (token_id),
    comment           text CHECK (length(comment) <= 500),
    reported_at       timestamptz NOT NULL,
    reported_on       date        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('RECEIVED', 'CONFIRMED', 'DISMISSED')),
    handled_by        bigint REFERENCES app_user (id),
    handled_at        timestamptz,
    handled_on        date,
    handled_note      text,
    staff_digest_id   bigint REFERENCES outbox_message (id),
    version           bigint      NOT NULL DEFAULT 0,
    CHECK ((state = 'RECEIVED') = (handled_at IS NULL))
);
CREATE INDEX family_report_loan ON family_report (loan_id, kind, state);
CREATE INDEX family_report_state ON family_report (state, id);
