-- Administrators acknowledge a break of the audit chain with a record of its own in the chain (action
-- audit.acknowledge): the break stays visible to every verification, marked as acknowledged.
INSERT INTO role_permission (role_name, permission_name) VALUES ('admin', 'audit:acknowledge');
