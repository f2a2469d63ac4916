-- Disclosure (docs/services/campaigns.md, "Disclosure"): a brand's accepted markers, and every post
-- checked against them when it is recorded.

-- One row per brand that set its own policy; a brand without one has the default (#ad, #sponsored,
-- the paid-partnership label accepted).
CREATE TABLE disclosure_policies (
    id                             uuid         PRIMARY KEY,
    brand_id                       uuid         NOT NULL,
    markers                        text         NOT NULL,
    accept_paid_partnership_label  boolean      NOT NULL,
    version                        bigint       NOT NULL,
    updated_at                     timestamptz,
    updated_by_api_key_id          uuid
);
CREATE UNIQUE INDEX ix_disclosure_policies_brand_id ON disclosure_policies (brand_id);

-- Posts recorded before this migration were never checked: 'unchecked', and they block nothing.
ALTER TABLE posts ADD COLUMN disclosure_status text NOT NULL DEFAULT 'unchecked';
ALTER TABLE posts ADD COLUMN disclosure_marker varchar(100);
ALTER TABLE posts ADD COLUMN disclosure_by_label boolean NOT NULL DEFAULT false;
ALTER TABLE posts ADD COLUMN disclosure_reason text;
ALTER TABLE posts ADD COLUMN disclosure_override_note varchar(1000);
ALTER TABLE posts ADD COLUMN disclosure_override_api_key_id uuid;
ALTER TABLE posts ADD COLUMN disclosure_overridden_at timestamptz;
-- GET /api/posts?disclosure=missing, latest published first.
CREATE INDEX ix_posts_brand_id_disclosure_status_published_at ON posts (brand_id, disclosure_status, published_at);
