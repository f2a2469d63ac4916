-- The creators service's own tables.

CREATE TABLE creators (
    id               uuid          PRIMARY KEY,
    brand_id         uuid          NOT NULL,
    display_name     varchar(200)  NOT NULL,
    email            varchar(320),
    email_normalized varchar(320),
    country          char(2)       NOT NULL,
    niches           text[]        NOT NULL,
    status           text          NOT NULL,
    tier             text          NOT NULL,
    followers        bigint        NOT NULL,
    engagement_rate  numeric(12,6),
    version          bigint        NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    erased_at        timestamptz
);
-- Email is unique per brand, case-insensitively; erased creators have none.
CREATE UNIQUE INDEX ix_creators_brand_id_email_normalized ON creators (brand_id, email_normalized) WHERE email_normalized IS NOT NULL;
-- The sorts of the search, each within a brand.
CREATE INDEX ix_creators_brand_id_created_at ON creators (brand_id, created_at);
CREATE INDEX ix_creators_brand_id_followers ON creators (brand_id, followers);
CREATE INDEX ix_creators_brand_id_engagement_rate ON creators (brand_id, engagement_rate);
CREATE INDEX ix_creators_niches ON creators USING gin (niches);

CREATE TABLE social_accounts (
    id                 uuid          PRIMARY KEY,
    brand_id           uuid          NOT NULL,
    creator_id         uuid          NOT NULL REFERENCES creators (id),
    platform           text          NOT NULL,
    handle             varchar(100)  NOT NULL,
    handle_normalized  varchar(100)  NOT NULL,
    url                varchar(500),
    followers          bigint        NOT NULL,
    average_likes      bigint        NOT NULL,
    average_comments   bigint        NOT NULL,
    average_views      bigint        NOT NULL,
    engagement_rate    numeric(12,6),
    measured_at        timestamptz   NOT NULL
);
-- A handle belongs to one creator per platform and brand; a creator has one account per platform.
CREATE UNIQUE INDEX ix_social_accounts_brand_id_platform_handle_normalized ON social_accounts (brand_id, platform, handle_normalized);
CREATE UNIQUE INDEX ix_social_accounts_creator_id_platform ON social_accounts (creator_id, platform);

CREATE TABLE stat_snapshots (
    id                uuid          PRIMARY KEY,
    brand_id          uuid          NOT NULL,
    creator_id        uuid          NOT NULL,
    account_id        uuid          NOT NULL REFERENCES social_accounts (id),
    followers         bigint        NOT NULL,
    average_likes     bigint        NOT NULL,
    average_comments  bigint        NOT NULL,
    average_views     bigint        NOT NULL,
    engagement_rate   numeric(12,6),
    measured_at       timestamptz   NOT NULL,
    recorded_at       timestamptz   NOT NULL
);
CREATE INDEX ix_stat_snapshots_creator_id_measured_at ON stat_snapshots (creator_id, measured_at);
CREATE INDEX ix_stat_snapshots_account_id ON stat_snapshots (account_id);

CREATE TABLE tier_changes (
    id          uuid        PRIMARY KEY,
    brand_id    uuid        NOT NULL,
    creator_id  uuid        NOT NULL REFERENCES creators (id),
    from_tier   text        NOT NULL,
    to_tier     text        NOT NULL,
    followers   bigint      NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX ix_tier_changes_creator_id_changed_at ON tier_changes (creator_id, changed_at);

CREATE TABLE payout_profiles (
    creator_id       uuid         PRIMARY KEY REFERENCES creators (id),
    method           text         NOT NULL,
    currency         char(3)      NOT NULL,
    payee_reference  varchar(100),
    tax_form_status  text         NOT NULL,
    updated_at       timestamptz  NOT NULL
);
