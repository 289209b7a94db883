-- The role x permission matrix (SPEC C8), editable by administrators. Seeded with the defaults:
-- viewers read; developers also create tasks and cancel them; operators also decide gates and run agents;
-- admins may do everything.
CREATE TABLE role_permission (
    role_name       VARCHAR(32) NOT NULL,
    permission_name VARCHAR(64) NOT NULL,
    CONSTRAINT pk_role_permission PRIMARY KEY (role_name, permission_name)
);

INSERT INTO role_permission (role_name, permission_name) VALUES
    ('viewer', 'task:read'), ('viewer', 'fleet:read'), ('viewer', 'agent:read'), ('viewer', 'self:manage'),
    ('developer', 'task:read'), ('developer', 'fleet:read'), ('developer', 'agent:read'), ('developer', 'self:manage'),
    ('developer', 'task:create'), ('developer', 'task:cancel'),
    ('operator', 'task:read'), ('operator', 'fleet:read'), ('operator', 'agent:read'), ('operator', 'self:manage'),
    ('operator', 'task:create'), ('operator', 'task:cancel'), ('operator', 'task:decide'), ('operator', 'agent:manage'),
    ('operator', 'profile:manage'),
    ('admin', 'task:read'), ('admin', 'fleet:read'), ('admin', 'agent:read'), ('admin', 'self:manage'),
    ('admin', 'task:create'), ('admin', 'task:cancel'), ('admin', 'task:decide'), ('admin', 'agent:manage'),
    ('admin', 'profile:manage'), ('admin', 'user:read'), ('admin', 'user:manage'), ('admin', 'role:manage');
