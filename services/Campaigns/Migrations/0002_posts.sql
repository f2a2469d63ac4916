-- Posts: creators' published content, with what is needed to judge it (docs/services/campaigns.md).

-- Followers per platform ({"instagram": 42000}); replicas written before this migration get theirs
-- with the creator's next event.
ALTER TABLE creator_replicas ADD COLUMN followers_by_platform text NOT NULL DEFAULT '{}';

CREATE TABLE posts (
    id                       uuid           PRIMARY KEY,
    brand_id                 uuid           NOT NULL,
    campaign_id              uuid           NOT NULL,
    enrollment_id            uuid           NOT NULL REFERENCES enrollments (id),
    creator_id               uuid           NOT NULL,
    deliverable_id           uuid           REFERENCES deliverables (id),
    platform                 varchar(20)    NOT NULL,
    format                   text           NOT NULL,
    url                      varchar(2000),
    published_at             timestamptz    NOT NULL,
    language                 char(2)        NOT NULL,
    market                   char(2)        NOT NULL,
    caption                  varchar(2200),
    paid_partnership_label   boolean        NOT NULL,
    creator_followers        bigint,
    tracking_link_requested  boolean        NOT NULL,
    promo_code_requested     boolean        NOT NULL,
    erased                   boolean        NOT NULL,
    version                  bigint         NOT NULL,
    created_at               timestamptz    NOT NULL,
    updated_at               timestamptz    NOT NULL
);
-- A post is recorded once: its canonical URL is unique in the brand (erased posts have none).
CREATE UNIQUE INDEX ix_posts_brand_id_url ON posts (brand_id, url);
CREATE INDEX ix_posts_brand_id_published_at ON posts (brand_id, published_at);
CREATE INDEX ix_posts_campaign_id_published_at ON posts (campaign_id, published_at);
-- Erasure finds a creator's posts; lists filter by creator.
CREATE INDEX ix_posts_creator_id_published_at ON posts (creator_id, published_at);
CREATE INDEX ix_posts_enrollment_id ON posts (enrollment_id);
CREATE INDEX ix_posts_deliverable_id ON posts (deliverable_id);
