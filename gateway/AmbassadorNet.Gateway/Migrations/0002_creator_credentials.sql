-- A creator credential (role creator, held alone) is bound to one creator of the brand: the
-- internal token carries this id and every service scopes the creator's routes by it.
ALTER TABLE api_keys ADD COLUMN creator_id uuid NULL;

-- A brand's admins list the credentials of one creator (to revoke them when the creator leaves).
CREATE INDEX ix_api_keys_brand_id_creator_id ON api_keys (brand_id, creator_id) WHERE creator_id IS NOT NULL;
