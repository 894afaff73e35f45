-- Wrong sign-ins for usernames that don't exist are counted here, shared by every instance, like app_user's
-- failed_logins: behind a load balancer an in-memory count locked unknown names only after 5 × instances tries,
-- which told a guesser which names exist. The typed name is kept only as a keyed digest (people type passwords
-- into the username field).
CREATE TABLE unknown_username_attempt (
    username_digest text        PRIMARY KEY,
    failed_logins   integer     NOT NULL,
    locked_until    timestamptz,
    last_attempt_at timestamptz NOT NULL
);
CREATE INDEX unknown_username_attempt_last_attempt ON unknown_username_attempt (last_attempt_at);
