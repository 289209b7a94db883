-- Security settings that administrators change at run time (SPEC C8).
CREATE TABLE security_setting (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(256) NOT NULL
);

INSERT INTO security_setting (name, setting_value) VALUES ('basic-auth-enabled', 'true');

INSERT INTO role_permission (role_name, permission_name) VALUES ('admin', 'security:manage');
