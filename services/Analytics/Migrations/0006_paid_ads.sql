-- Paid ads beside creators (docs/services/analytics.md, "Paid ads"): what the brand entered of its
-- paid advertising per campaign, channel and UTC day, in the campaign's currency. The only table
-- here that a request writes rather than an event. Entering a day again replaces its row;
-- updated_at moves only when a figure changed, so a retried request changes nothing.

CREATE TABLE paid_ad_days (
    brand_id     uuid           NOT NULL,
    campaign_id  uuid           NOT NULL,
    channel      varchar(30)    NOT NULL,
    day          date           NOT NULL,
    currency     varchar(3)     NOT NULL,
    spend        numeric(19,4)  NOT NULL,
    impressions  bigint,
    clicks       bigint         NOT NULL,
    orders       bigint         NOT NULL,
    revenue      numeric(19,4)  NOT NULL,
    entered_at   timestamptz    NOT NULL,
    updated_at   timestamptz    NOT NULL,
    PRIMARY KEY (brand_id, campaign_id, channel, day)
);
-- The brand's list, newest day first (a campaign's days use the primary key).
CREATE INDEX ix_paid_ad_days_brand_id_day ON paid_ad_days (brand_id, day);
