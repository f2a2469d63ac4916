-- Exclusivity (docs/services/campaigns.md, "Exclusivity"): campaigns' product categories, the brand's
-- policy on competing categories, creators' declared exclusivities, and conflicts flagged on invitations.

ALTER TABLE campaigns ADD COLUMN product_category varchar(50);

-- One row per brand that set its own policy; a brand without one flags conflicts and lists no pairs.
CREATE TABLE exclusivity_policies (
    id                      uuid         PRIMARY KEY,
    brand_id                uuid         NOT NULL,
    on_conflict             text         NOT NULL,
    conflicting_categories  text         NOT NULL,
    version                 bigint       NOT NULL,
    updated_at              timestamptz,
    updated_by_api_key_id   uuid
);
CREATE UNIQUE INDEX ix_exclusivity_policies_brand_id ON exclusivity_policies (brand_id);

-- Exclusivities creators hold with others (no brand named); deleted when withdrawn or the creator is erased.
CREATE TABLE creator_exclusivities (
    id                      uuid         PRIMARY KEY,
    brand_id                uuid         NOT NULL,
    creator_id              uuid         NOT NULL,
    category                varchar(50)  NOT NULL,
    starts_on               date         NOT NULL,
    ends_on                 date         NOT NULL,
    declared_by             text         NOT NULL,
    declared_by_api_key_id  uuid,
    created_at              timestamptz  NOT NULL
);
-- An invitation reads the creator's; the brand lists them by creator.
CREATE INDEX ix_creator_exclusivities_creator_id_ends_on ON creator_exclusivities (creator_id, ends_on);
CREATE INDEX ix_creator_exclusivities_brand_id_created_at ON creator_exclusivities (brand_id, created_at);

-- The promises an invitation conflicted with when the policy flags (JSON); null for none.
ALTER TABLE enrollments ADD COLUMN exclusivity_conflicts text;
