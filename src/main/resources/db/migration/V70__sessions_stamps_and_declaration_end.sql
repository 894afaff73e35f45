-- Access control (issue 6): revocable sign-ins, declarations that end cleanly, and the visibility rule hardened.

-- A user's security stamp changes whenever their rights or password change (disabled, role or municipality
-- changed, password reset). Every token carries the stamp it was issued with; a token with an old stamp is refused,
-- so a demoted or disabled user loses access at once instead of when their 8-hour token expires.
ALTER TABLE app_user
    ADD COLUMN security_stamp      bigint NOT NULL DEFAULT 0,
    ADD COLUMN password_changed_at timestamptz,
    ADD COLUMN updated_at          timestamptz;

-- Web UI sign-ins (cookie sessions). The cookie's token names its session; signing out ends it for good.
CREATE TABLE user_session (
    id             uuid PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES app_user (id),
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL CHECK (expires_at > created_at),
    ended_at       timestamptz,
    client_address text
);
CREATE INDEX user_session_user ON user_session (user_id);

-- Who ended a declaration early and why; the hazard is one of a fixed list; the reason is bounded.
ALTER TABLE disaster_declaration
    ADD COLUMN ended_by   bigint REFERENCES app_user (id),
    ADD COLUMN end_reason text CHECK (length(end_reason) <= 1000),
    ADD CONSTRAINT disaster_declaration_hazard
        CHECK (hazard_type IN ('FLOOD', 'LANDSLIDE', 'TSUNAMI', 'STORM_SURGE', 'EARTHQUAKE', 'VOLCANO', 'OTHER')),
    ADD CONSTRAINT disaster_declaration_reason CHECK (length(reason) BETWEEN 1 AND 1000);
CREATE INDEX disaster_declaration_period ON disaster_declaration (starts_at, ends_at);

CREATE INDEX audit_log_action ON audit_log (action, occurred_at);

-- The active declaration covering a municipality at an instant (the latest started, if several overlap);
-- the audit log records it beside every read made on the DECLARATION basis.
CREATE FUNCTION active_disaster_declaration(municipality text, at timestamptz) RETURNS bigint
    LANGUAGE sql STABLE AS
$$
SELECT d.id
FROM disaster_declaration d
WHERE municipality IS NOT NULL
  AND at IS NOT NULL
  AND municipality = ANY (d.municipality_codes)
  AND d.starts_at <= at
  AND at < least(d.ended_at, d.ends_at)
ORDER BY d.starts_at DESC, d.id DESC
LIMIT 1
$$;

-- The one rule of who may see a household (first written in V4), hardened:
--  * a declaration ended early stops at least(ended_at, ends_at), even if ended_at were later than ends_at;
--  * the declaration must name the household's own municipality (equal to the officer's, checked above it);
--  * every unknown role, a missing municipality or a missing instant sees nothing (NULL), never everything;
--  * a ward-bound officer sees only households whose ward is known and equal to theirs.
CREATE OR REPLACE FUNCTION household_access_basis(h household, viewer_role text, viewer_municipality text,
                                                  viewer_ward text, at timestamptz) RETURNS text
    LANGUAGE sql STABLE AS
$$
SELECT CASE
           WHEN h.id IS NULL OR at IS NULL THEN NULL
           WHEN viewer_role = 'SYSTEM' THEN 'SYSTEM'
           WHEN viewer_role IN ('CENTER_ADMIN', 'CENTER_STAFF') THEN 'CENTER'
           WHEN viewer_role = 'MUNICIPAL_OFFICER'
               AND viewer_municipality IS NOT NULL
               AND h.municipality_code = viewer_municipality
               AND (viewer_ward IS NULL OR h.ward_code = viewer_ward) THEN
               CASE
                   WHEN h.shares_with_municipality THEN 'CONSENT'
                   WHEN EXISTS (SELECT 1
                                FROM disaster_declaration d
                                WHERE h.municipality_code = ANY (d.municipality_codes)
                                  AND d.starts_at <= at
                                  AND at < least(d.ended_at, d.ends_at)) THEN 'DECLARATION'
               END
       END
$$;
