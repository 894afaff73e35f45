-- A bulk import's upload, kept from its dry run until the person confirms it (or for an hour): the confirmation
-- re-reads these bytes, checks their hash, and writes only if the outcome is still the one the person saw.
CREATE TABLE pending_table_upload (
    id          uuid        PRIMARY KEY,
    purpose     text        NOT NULL,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    file_name   text        NOT NULL,
    sha256      text        NOT NULL,
    content     bytea       NOT NULL,
    digest      text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX pending_table_upload_created ON pending_table_upload (created_at);
