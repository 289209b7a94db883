-- Model providers (SPEC C9): the endpoints agents think through. The built-in offline provider is a row like
-- any other, so profiles always bind to a registered provider; an endpoint's API key is never stored here but
-- in the secret vault, under the name this row keeps.
CREATE TABLE model_provider (
    name               VARCHAR(64)   PRIMARY KEY,
    provider_type      VARCHAR(32)   NOT NULL,
    base_url           VARCHAR(500),
    api_key_secret     VARCHAR(100),
    models             VARCHAR(2000) NOT NULL,
    request_timeout_ms BIGINT        NOT NULL,
    max_retries        INT           NOT NULL,
    built_in           BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0
);

INSERT INTO model_provider (name, provider_type, models, request_timeout_ms, max_retries, built_in, created_at, updated_at)
VALUES ('offline', 'OFFLINE', 'helix-offline-1', 120000, 0, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- A profile binds to a registered provider; one still bound cannot be deleted.
ALTER TABLE agent_profile ADD CONSTRAINT agent_profile_provider_fk FOREIGN KEY (provider) REFERENCES model_provider (name);

INSERT INTO role_permission (role_name, permission_name) VALUES ('admin', 'provider:manage');
