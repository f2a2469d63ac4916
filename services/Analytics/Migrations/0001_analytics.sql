-- The analytics read models. Only events fill them; no table here is another service's.

-- The rollup every view reads: counters per brand, campaign, creator, UTC day and currency.
-- Clicks carry no currency: their rows use the campaign's currency when it is known at the time,
-- else '' (views read '' as the campaign's currency). Money of two currencies is never summed.
CREATE TABLE daily_rollups (
    brand_id       uuid           NOT NULL,
    campaign_id    uuid           NOT NULL,
    creator_id     uuid           NOT NULL,
    day            date           NOT NULL,
    currency       varchar(3)     NOT NULL,
    clicks         bigint         NOT NULL,
    unique_clicks  bigint         NOT NULL,
    bot_clicks     bigint         NOT NULL,
    conversions    bigint         NOT NULL,
    revenue        numeric(19,4)  NOT NULL,
    refunds        numeric(19,4)  NOT NULL,
    commission     numeric(19,4)  NOT NULL,
    fees           numeric(19,4)  NOT NULL,
    PRIMARY KEY (brand_id, campaign_id, creator_id, day, currency)
);
-- Brand-wide views (leaderboard, tiers) over a date range.
CREATE INDEX ix_daily_rollups_brand_id_day ON daily_rollups (brand_id, day);

-- The same counters summed over creators, per (brand, campaign, UTC day, currency): a campaign's
-- summary or time series over a year reads 365 rows, however many creators it has. Written in the
-- same statement as daily_rollups, so the two always agree.
CREATE TABLE campaign_daily_rollups (
    brand_id       uuid           NOT NULL,
    campaign_id    uuid           NOT NULL,
    day            date           NOT NULL,
    currency       varchar(3)     NOT NULL,
    clicks         bigint         NOT NULL,
    unique_clicks  bigint         NOT NULL,
    bot_clicks     bigint         NOT NULL,
    conversions    bigint         NOT NULL,
    revenue        numeric(19,4)  NOT NULL,
    refunds        numeric(19,4)  NOT NULL,
    commission     numeric(19,4)  NOT NULL,
    fees           numeric(19,4)  NOT NULL,
    PRIMARY KEY (brand_id, campaign_id, day, currency)
);

-- Natural keys of every fact applied (click batch, conversion, refund, ledger transaction): a fact
-- re-published under a new message id (a rebuild) finds its key here and changes nothing.
CREATE TABLE applied_facts (
    brand_id    uuid          NOT NULL,
    kind        varchar(30)   NOT NULL,
    fact_key    varchar(200)  NOT NULL,
    applied_at  timestamptz   NOT NULL,
    PRIMARY KEY (brand_id, kind, fact_key)
);

-- The campaign dimension (newest version wins): name, currency and budget.
CREATE TABLE campaign_dims (
    campaign_id  uuid           PRIMARY KEY,
    brand_id     uuid           NOT NULL,
    name         varchar(200)   NOT NULL,
    currency     varchar(3)     NOT NULL,
    budget       numeric(19,4),
    status       varchar(20)    NOT NULL,
    version      bigint         NOT NULL,
    updated_at   timestamptz    NOT NULL
);
CREATE INDEX ix_campaign_dims_brand_id ON campaign_dims (brand_id);

-- The creator dimension (newest version wins): tier and engagement now, not at the time of a click.
CREATE TABLE creator_dims (
    creator_id       uuid           PRIMARY KEY,
    brand_id         uuid           NOT NULL,
    display_name     varchar(200)   NOT NULL,
    handle           varchar(100),
    tier             varchar(20)    NOT NULL,
    engagement_rate  numeric(12,6),
    followers        bigint         NOT NULL,
    status           varchar(20)    NOT NULL,
    version          bigint         NOT NULL,
    updated_at       timestamptz    NOT NULL
);
CREATE INDEX ix_creator_dims_brand_id_tier ON creator_dims (brand_id, tier);

-- A campaign's all-time spend (commission net of reversals, fees), kept so a budget check reads one row.
CREATE TABLE campaign_spend (
    brand_id     uuid           NOT NULL,
    campaign_id  uuid           NOT NULL,
    currency     varchar(3)     NOT NULL,
    commission   numeric(19,4)  NOT NULL,
    fees         numeric(19,4)  NOT NULL,
    PRIMARY KEY (campaign_id, currency)
);

-- One row per budget threshold a campaign reached, written with its outbox event: published once.
CREATE TABLE budget_thresholds (
    brand_id           uuid           NOT NULL,
    campaign_id        uuid           NOT NULL,
    threshold_percent  integer        NOT NULL,
    budget             numeric(19,4)  NOT NULL,
    consumed           numeric(19,4)  NOT NULL,
    currency           varchar(3)     NOT NULL,
    reached_at         timestamptz    NOT NULL,
    PRIMARY KEY (campaign_id, threshold_percent)
);
