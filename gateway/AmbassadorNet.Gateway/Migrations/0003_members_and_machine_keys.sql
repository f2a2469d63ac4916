-- Issue #32: four eyes are two people, not two keys. A brand's staff are members; every key is
-- issued to a member, to a machine (a shop, a partner system) or to a creator.
CREATE TABLE members (
    id uuid NOT NULL PRIMARY KEY,
    brand_id uuid NOT NULL REFERENCES brands (id),
    name character varying(200) NOT NULL,
    email character varying(320) NULL,
    roles character varying(200) NOT NULL,
    -- A member who signs in with the brand's identity provider: its issuer and the person's subject there.
    identity_issuer character varying(500) NULL,
    identity_subject character varying(255) NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_key_id uuid NULL,
    created_by_member_id uuid NULL,
    deactivated_at timestamp with time zone NULL
);

-- Stored lower-case, so one person is one member however their address is typed.
CREATE UNIQUE INDEX ix_members_brand_id_email ON members (brand_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX ix_members_brand_id_identity ON members (brand_id, identity_issuer, identity_subject) WHERE identity_subject IS NOT NULL;
CREATE INDEX ix_members_brand_id_created_at ON members (brand_id, created_at);

-- Keys made before members existed were issued to nobody: they become machine keys, which cannot
-- approve anything (docs/operations.md, "Upgrading to members").
ALTER TABLE api_keys ADD COLUMN kind character varying(20) NULL;
UPDATE api_keys SET kind = CASE WHEN creator_id IS NOT NULL THEN 'creator' ELSE 'machine' END;
ALTER TABLE api_keys ALTER COLUMN kind SET NOT NULL;

ALTER TABLE api_keys ADD COLUMN member_id uuid NULL REFERENCES members (id);
-- The party answerable for the key's issue: the issuing member, or the party answerable for the
-- issuing machine key (that key itself when the operator issued it). Null: issued by the operator.
ALTER TABLE api_keys ADD COLUMN issued_by uuid NULL;
-- Before members every key was a machine's, so a key made by another answers to the first key of
-- its chain (the one the operator made): keys passed down a chain all answer to its root.
WITH RECURSIVE chain (id, root) AS (
    SELECT id, id FROM api_keys WHERE created_by_key_id IS NULL
    UNION ALL
    SELECT k.id, chain.root FROM api_keys AS k JOIN chain ON k.created_by_key_id = chain.id
)
UPDATE api_keys AS k SET issued_by = chain.root FROM chain WHERE chain.id = k.id AND k.created_by_key_id IS NOT NULL;

CREATE INDEX ix_api_keys_member_id ON api_keys (member_id) WHERE member_id IS NOT NULL;
