-- Signing secrets are kept encrypted with ASP.NET Core Data Protection (docs/decisions/0014).

-- The Data Protection key ring, shared by every replica. Each key's secret part is sealed under a
-- key-encryption key that lives outside the database (Webhooks:SecretsKey), so this table alone
-- decrypts nothing.
CREATE TABLE data_protection_keys (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name  text         NOT NULL,
    xml            text         NOT NULL,
    created_at     timestamptz  NOT NULL
);

-- A protected secret ("dp:" + Data Protection's payload) is longer than the readable one was.
-- Readable secrets left by the previous version are encrypted by the migration step that follows
-- the scripts (SecretsAtRestStep), in the same --migrate-only run.
ALTER TABLE webhook_subscriptions
    ALTER COLUMN secret TYPE varchar(500),
    ALTER COLUMN previous_secret TYPE varchar(500);
