-- When the work order a task waits for is due: the dispatch watchdog resends an order that is long overdue and no
-- longer on the queue. Tasks already waiting count from their last change.
ALTER TABLE task ADD COLUMN dispatch_due_at TIMESTAMP WITH TIME ZONE;
UPDATE task SET dispatch_due_at = updated_at;
CREATE INDEX task_dispatch_due_idx ON task (status, dispatch_due_at);
