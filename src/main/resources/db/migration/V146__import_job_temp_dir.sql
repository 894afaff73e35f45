-- Where a job's uploaded and unpacked files lie, so that they can be deleted when its instance dies mid-import
-- (the instance that finds the job orphaned, or the one restarted on that machine, deletes them and clears this).
ALTER TABLE import_job ADD COLUMN temp_dir text;
CREATE INDEX import_job_unfinished ON import_job (status) WHERE status IN ('QUEUED', 'RUNNING') OR temp_dir IS NOT NULL;
