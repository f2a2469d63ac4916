-- Gifts (product seeding): goods sent to creators, never cash (docs/services/campaigns.md, "Gifts").

CREATE TABLE gifts (
    id             uuid           PRIMARY KEY,
    brand_id       uuid           NOT NULL,
    campaign_id    uuid           NOT NULL,
    enrollment_id  uuid           NOT NULL REFERENCES enrollments (id),
    creator_id     uuid           NOT NULL,
    post_id        uuid           REFERENCES posts (id),
    product        varchar(200)   NOT NULL,
    sku            varchar(64)    NOT NULL,
    quantity       integer        NOT NULL,
    unit_value     numeric(19,4)  NOT NULL,
    currency       char(3)        NOT NULL,
    status         text           NOT NULL,
    shipped_on     date,
    delivered_on   date,
    version        bigint         NOT NULL,
    created_at     timestamptz    NOT NULL,
    updated_at     timestamptz    NOT NULL
);
CREATE INDEX ix_gifts_brand_id_created_at ON gifts (brand_id, created_at);
CREATE INDEX ix_gifts_enrollment_id ON gifts (enrollment_id);
CREATE INDEX ix_gifts_post_id ON gifts (post_id);
CREATE INDEX ix_gifts_campaign_id ON gifts (campaign_id);
