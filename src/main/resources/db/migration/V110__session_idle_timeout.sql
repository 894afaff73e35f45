-- A web session also ends after a while without use (inochi.security.idle-timeout): staff leave browsers open.
ALTER TABLE user_session ADD COLUMN last_seen_at timestamptz;
UPDATE user_session SET last_seen_at = created_at;
ALTER TABLE user_session ALTER COLUMN last_seen_at SET NOT NULL, ALTER COLUMN last_seen_at SET DEFAULT now();
