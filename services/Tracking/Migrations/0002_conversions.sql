-- Conversions (orders posted by partner shops), their refunds, and the per-enrollment monthly
-- counter that hands out RankInMonth. Rules: docs/services/tracking.md.

-- Existing replicas predate the column: 30 days is the campaigns service's default window; the
-- next campaign event for them carries the real value.
ALTER TABLE campaign_replicas ADD COLUMN attribution_window_days integer NOT NULL DEFAULT 30;

CREATE TABLE conversions (
    id                 uuid           PRIMARY KEY,
    brand_id           uuid           NOT NULL,
    order_id           varchar(64)    NOT NULL,
    amount             numeric(19,4)  NOT NULL,
    currency           char(3)        NOT NULL,
    ordered_at         timestamptz    NOT NULL,
    click_id           uuid,
    promo_code         varchar(64),
    customer_id        varchar(100),
    status             varchar(20)    NOT NULL,
    method             varchar(20),
    reason             varchar(40),
    enrollment_id      uuid,
    campaign_id        uuid,
    creator_id         uuid,
    clicked_at         timestamptz,
    rank_in_month      integer,
    flags              text[]         NOT NULL,
    refunded_amount    numeric(19,4)  NOT NULL,
    recorded_at        timestamptz    NOT NULL
);
-- The idempotency key of POST /api/conversions: one row per brand and order, whatever the concurrency.
CREATE UNIQUE INDEX ix_conversions_brand_id_order_id ON conversions (brand_id, order_id);
CREATE INDEX ix_conversions_brand_id_ordered_at ON conversions (brand_id, ordered_at);
CREATE INDEX ix_conversions_enrollment_id ON conversions (enrollment_id);

CREATE TABLE conversion_refunds (
    id                   uuid           PRIMARY KEY,
    brand_id             uuid           NOT NULL,
    conversion_id        uuid           NOT NULL REFERENCES conversions (id),
    order_id             varchar(64)    NOT NULL,
    refund_id            varchar(64)    NOT NULL,
    amount               numeric(19,4)  NOT NULL,
    currency             char(3)        NOT NULL,
    refunded_at          timestamptz    NOT NULL,
    cumulative_refunded  numeric(19,4)  NOT NULL,
    recorded_at          timestamptz    NOT NULL
);
CREATE UNIQUE INDEX ix_conversion_refunds_brand_id_order_id_refund_id ON conversion_refunds (brand_id, order_id, refund_id);
CREATE INDEX ix_conversion_refunds_conversion_id ON conversion_refunds (conversion_id);

-- Last rank given per enrollment and UTC month of the order; the upsert's row lock serializes
-- concurrent attributions of one enrollment, so ranks are 1..n with no gap or repeat.
CREATE TABLE conversion_month_ranks (
    brand_id       uuid      NOT NULL,
    enrollment_id  uuid      NOT NULL,
    month          date      NOT NULL,
    last_rank      integer   NOT NULL,
    PRIMARY KEY (brand_id, enrollment_id, month)
);
