-- Why: a job whose instance was killed stayed "running" until the five-minute heartbeat sweep failed it, and a
-- re-upload of the same file in that window was answered with the dead job. Each instance now holds a PostgreSQL
-- session advisory lock for as long as it lives, and stamps its jobs with that lock's key: when the process dies, its
-- connection closes, the lock is released at once, and the next instance (a restart, or any other) fails the job
-- within seconds and removes its staging rows.
ALTER TABLE household_import ADD COLUMN lease integer;
COMMENT ON COLUMN household_import.lease IS 'Key of the session advisory lock (classid 1263684436, objid = lease) held by the instance running the job; when no session holds it, the instance is gone and the job is failed. Null for jobs from before leases: those fall back to heartbeat_at.';
