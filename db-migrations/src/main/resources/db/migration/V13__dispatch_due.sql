-- When the work order a task waits for is due: the dispatch watchdog resends an order that is long overdue and no
-- longer on the queue. Unfinished tasks count from their last change. The new index also serves lookups by status.
ALTER TABLE task ADD COLUMN dispatch_due_at TIMESTAMP WITH TIME ZONE;
UPDATE task SET dispatch_due_at = updated_at
    WHERE status NOT IN ('DONE', 'SPEC_FAILED', 'IMPLEMENTATION_FAILED', 'CANCELLED');
CREATE INDEX task_dispatch_due_idx ON task (status, dispatch_due_at);
DROP INDEX task_status_idx;
