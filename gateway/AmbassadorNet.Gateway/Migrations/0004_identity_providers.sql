-- Issue #32: a brand's staff sign in with the brand's own OpenID Connect provider. One provider per
-- brand: tokens from `issuer` for `audience` sign its members in, and the values of the token's
-- `roles_claim` map onto our roles (role_mappings: a JSON object, claim value -> [roles]).
CREATE TABLE identity_providers (
    brand_id uuid NOT NULL PRIMARY KEY REFERENCES brands (id),
    issuer character varying(500) NOT NULL,
    audience character varying(200) NOT NULL,
    roles_claim character varying(100) NOT NULL,
    role_mappings text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by_key_id uuid NULL,
    updated_by_member_id uuid NULL
);

-- A token's issuer finds the brands that trust it; with the audience, exactly one.
CREATE UNIQUE INDEX ix_identity_providers_issuer_audience ON identity_providers (issuer, audience);
