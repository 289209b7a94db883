-- Spiral and ritual runs share one shape (BatchRun): spiral runs count their restarts too, and keep their input
-- only among their variables (the separate copy was never read). The stale-agent ritual stops idle agents.
ALTER TABLE spiral_run ADD COLUMN resumes INT NOT NULL DEFAULT 0;
ALTER TABLE spiral_run DROP COLUMN input;
UPDATE ritual SET description = 'Stops agents idle for longer than the stale limit' WHERE name = 'stale-agent-cleanup';
