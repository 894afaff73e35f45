-- People who sign in. Families never sign in: they act through signed links in their emails.
CREATE TABLE app_user (
    id                bigserial PRIMARY KEY,
    username          text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name      text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    password_hash     text        NOT NULL,
    role              text        NOT NULL CHECK (role IN ('CENTER_ADMIN', 'CENTER_STAFF', 'MUNICIPAL_OFFICER', 'AUDITOR')),
    municipality_code varchar(5)  REFERENCES municipality (code),
    ward_code         varchar(5)  REFERENCES municipality (code),
    email             text,
    enabled           boolean     NOT NULL DEFAULT true,
    failed_logins     integer     NOT NULL DEFAULT 0,
    locked_until      timestamptz,
    created_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    -- Only municipal officers are bound to a municipality; only 熊本市's officers may be bound to a ward.
    CHECK ((role = 'MUNICIPAL_OFFICER') = (municipality_code IS NOT NULL)),
    CHECK (ward_code IS NULL OR municipality_code = '43100')
);

-- 要配慮個人情報: every read, export and change of personal data is recorded here.
CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    actor_user_id  bigint,
    actor_username text        NOT NULL,
    actor_role     text        NOT NULL,
    client_address text,
    action         text        NOT NULL,
    resource       text        NOT NULL,
    subject_type   text,
    subject_id     text,
    household_id   bigint,
    basis          text CHECK (basis IN ('CENTER', 'CONSENT', 'DECLARATION', 'SYSTEM')),
    declaration_id bigint,
    row_count      integer,
    detail         text
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX audit_log_household ON audit_log (household_id, occurred_at);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, occurred_at);

-- Append-only: the application can add entries but can never change or remove one.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
