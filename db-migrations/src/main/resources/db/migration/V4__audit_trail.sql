-- The audit trail (SPEC C8): one row per mutating action, chained by SHA-256 so that altering, removing or
-- inserting a row is detectable. audit_head holds the chain's end; appending locks it, so records chain in
-- commit order.
CREATE TABLE audit_record (
    id             BIGINT        NOT NULL PRIMARY KEY,
    recorded_at    TIMESTAMP     NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    action         VARCHAR(64)   NOT NULL,
    target         VARCHAR(512),
    source_address VARCHAR(64),
    outcome        VARCHAR(16)   NOT NULL,
    detail         VARCHAR(1024),
    before_state   VARCHAR(8000),
    after_state    VARCHAR(8000),
    previous_hash  CHAR(64)      NOT NULL,
    record_hash    CHAR(64)      NOT NULL
);

CREATE INDEX ix_audit_record_actor ON audit_record (actor, id);
CREATE INDEX ix_audit_record_action ON audit_record (action, id);
CREATE INDEX ix_audit_record_time ON audit_record (recorded_at);

CREATE TABLE audit_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

INSERT INTO role_permission (role_name, permission_name) VALUES ('admin', 'audit:read');
