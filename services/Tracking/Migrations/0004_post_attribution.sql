-- Per-post attribution (docs/services/tracking.md, "Posts"): a link or promo code may belong to a
-- post of its enrollment, and the clicks and orders it brings carry that post. Rows written before
-- this migration belong to no post.

CREATE TABLE post_replicas (
    post_id        uuid          PRIMARY KEY,
    brand_id       uuid          NOT NULL,
    enrollment_id  uuid          NOT NULL,
    campaign_id    uuid          NOT NULL,
    creator_id     uuid          NOT NULL,
    version        bigint        NOT NULL,
    updated_at     timestamptz   NOT NULL
);

ALTER TABLE tracking_links ADD COLUMN post_id uuid;
CREATE INDEX ix_tracking_links_post_id ON tracking_links (post_id);
ALTER TABLE promo_codes ADD COLUMN post_id uuid;
CREATE INDEX ix_promo_codes_post_id ON promo_codes (post_id);
ALTER TABLE clicks ADD COLUMN post_id uuid;
ALTER TABLE conversions ADD COLUMN post_id uuid;
CREATE INDEX ix_conversions_post_id ON conversions (post_id);
