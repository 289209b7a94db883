-- Secrets at rest (SPEC C8): AES-256-GCM ciphertexts with the id of the key they are sealed under. The keys
-- live outside the database, in the key ring file.
CREATE TABLE helix_secret (
    name       VARCHAR(100)   NOT NULL PRIMARY KEY,
    key_id     VARCHAR(32)    NOT NULL,
    nonce      BYTEA          NOT NULL,
    ciphertext BYTEA          NOT NULL,
    updated_at TIMESTAMP      NOT NULL
);
