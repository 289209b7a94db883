-- Usage records are written many to a transaction; ids drawn from a sequence fifty at a time let those inserts go to
-- the database as one JDBC batch (an identity column makes each insert a statement of its own that returns its key).
-- The sequence starts past every id the identity column gave; each draw covers the fifty ids below the value drawn.
CREATE SEQUENCE usage_record_seq START WITH 50 INCREMENT BY 50;
ALTER SEQUENCE usage_record_seq RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM usage_record);
