-- A post's figures over its whole life so far, per currency, with the first and last day it has any
-- (docs/services/analytics.md, "Content reports"). Written in the same statement as
-- post_daily_rollups, so the two always agree. A report whose range holds a post's whole life reads
-- its one row here instead of summing its days: a year's post leaderboard sums 10,000 rows, not
-- 300,000 (docs/benchmarks.md, T6).

CREATE TABLE post_totals (
    brand_id       uuid           NOT NULL,
    post_id        uuid           NOT NULL,
    currency       varchar(3)     NOT NULL,
    campaign_id    uuid           NOT NULL,
    creator_id     uuid           NOT NULL,
    first_day      date           NOT NULL,
    last_day       date           NOT NULL,
    clicks         bigint         NOT NULL,
    unique_clicks  bigint         NOT NULL,
    bot_clicks     bigint         NOT NULL,
    conversions    bigint         NOT NULL,
    revenue        numeric(19,4)  NOT NULL,
    refunds        numeric(19,4)  NOT NULL,
    commission     numeric(19,4)  NOT NULL,
    fees           numeric(19,4)  NOT NULL,
    gifts          numeric(19,4)  NOT NULL,
    PRIMARY KEY (brand_id, post_id, currency)
);

INSERT INTO post_totals (brand_id, post_id, currency, campaign_id, creator_id, first_day, last_day, clicks, unique_clicks, bot_clicks,
                         conversions, revenue, refunds, commission, fees, gifts)
SELECT brand_id, post_id, currency, (array_agg(campaign_id))[1], (array_agg(creator_id))[1], min(day), max(day), sum(clicks), sum(unique_clicks),
       sum(bot_clicks), sum(conversions), sum(revenue), sum(refunds), sum(commission), sum(fees), sum(gifts)
FROM post_daily_rollups
GROUP BY brand_id, post_id, currency;
