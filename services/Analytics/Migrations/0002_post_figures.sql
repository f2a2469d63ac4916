-- Per-post figures (docs/services/analytics.md, "Posts"): what orders and clicks through a post's
-- own link or promo code brought, per UTC day and currency, and the post as recorded. Counted in
-- the same statement as daily_rollups, so a post's figures are always part of its creator's.

CREATE TABLE post_daily_rollups (
    brand_id       uuid           NOT NULL,
    post_id        uuid           NOT NULL,
    day            date           NOT NULL,
    currency       varchar(3)     NOT NULL,
    campaign_id    uuid           NOT NULL,
    creator_id     uuid           NOT NULL,
    clicks         bigint         NOT NULL,
    unique_clicks  bigint         NOT NULL,
    bot_clicks     bigint         NOT NULL,
    conversions    bigint         NOT NULL,
    revenue        numeric(19,4)  NOT NULL,
    refunds        numeric(19,4)  NOT NULL,
    PRIMARY KEY (brand_id, post_id, day, currency)
);
-- A campaign's or the brand's posts over a range of days.
CREATE INDEX ix_post_daily_rollups_brand_id_day ON post_daily_rollups (brand_id, day);
CREATE INDEX ix_post_daily_rollups_campaign_id_day ON post_daily_rollups (campaign_id, day);

-- The post dimension (newest version wins): what a post's figures are grouped by.
CREATE TABLE post_dims (
    post_id                 uuid           PRIMARY KEY,
    brand_id                uuid           NOT NULL,
    campaign_id             uuid           NOT NULL,
    enrollment_id           uuid           NOT NULL,
    creator_id              uuid           NOT NULL,
    platform                varchar(20)    NOT NULL,
    format                  varchar(20)    NOT NULL,
    market                  varchar(2)     NOT NULL,
    language                varchar(2)     NOT NULL,
    published_at            timestamptz    NOT NULL,
    paid_partnership_label  boolean        NOT NULL,
    creator_followers       bigint,
    version                 bigint         NOT NULL,
    updated_at              timestamptz    NOT NULL
);
CREATE INDEX ix_post_dims_brand_id_published_at ON post_dims (brand_id, published_at);
