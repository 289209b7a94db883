-- An agent's model call runs outside any transaction: the step is claimed in one, the answer recorded in another.
-- A failed call is counted on the task (the step is tried again a bounded number of times, no longer by JMS
-- redelivery), and an agent whose provider cannot serve it shows FAILED with the reason.
ALTER TABLE task ADD COLUMN step_failures INT NOT NULL DEFAULT 0;
ALTER TABLE agent ADD COLUMN status_reason VARCHAR(1000);
