-- Accounts that sign in through single sign-on (Keycloak): created on first sign-in, roles taken from the
-- realm's roles at each sign-in, no Helix password.
ALTER TABLE helix_user ADD COLUMN origin VARCHAR(16) DEFAULT 'LOCAL' NOT NULL;
ALTER TABLE helix_user ALTER COLUMN password_hash DROP NOT NULL;
