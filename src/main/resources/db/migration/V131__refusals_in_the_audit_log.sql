-- Refused requests (403, and 404 of a route that names a record) are audited as action REFUSED: one entry per user,
-- route and minute, whose row_count counts the refusals, so a flood of probes writes one row a minute, not one a request.
CREATE UNIQUE INDEX audit_log_refusal_per_minute
    ON audit_log (actor_user_id, resource, date_trunc('minute', occurred_at AT TIME ZONE 'UTC'))
    WHERE action = 'REFUSED';

-- Still append-only, with one exception: a refusal entry's count may grow; nothing else in any entry may change.
CREATE FUNCTION audit_log_only_counts_refusals() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.action = 'REFUSED' AND NEW.row_count > OLD.row_count
        AND to_jsonb(NEW) - 'row_count' = to_jsonb(OLD) - 'row_count' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;
DROP TRIGGER audit_log_no_update_or_delete ON audit_log;
CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_only_counts_refusals();
