-- The campaigns service's own tables. Terms, plans and quotas are JSON text: read and written whole.

CREATE TABLE campaigns (
    id                    uuid          PRIMARY KEY,
    brand_id              uuid          NOT NULL,
    name                  varchar(200)  NOT NULL,
    objective             text,
    status                text          NOT NULL,
    always_on             boolean       NOT NULL,
    starts_at             timestamptz,
    ends_at               timestamptz,
    budget                numeric(19,4),
    target_niches         text[]        NOT NULL,
    target_tiers          text[]        NOT NULL,
    target_countries      text[]        NOT NULL,
    key_messages          text[]        NOT NULL,
    must_avoid            text[]        NOT NULL,
    required_disclosure   varchar(100),
    terms                 text          NOT NULL,
    terms_version         integer       NOT NULL,
    terms_effective_from  timestamptz,
    quotas                text          NOT NULL,
    version               bigint        NOT NULL,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE INDEX ix_campaigns_brand_id_created_at ON campaigns (brand_id, created_at);

-- Every version of a launched campaign's terms: "the terms in force at time T" is answered here.
CREATE TABLE campaign_terms_versions (
    id              uuid         PRIMARY KEY,
    brand_id        uuid         NOT NULL,
    campaign_id     uuid         NOT NULL REFERENCES campaigns (id),
    terms_version   integer      NOT NULL,
    effective_from  timestamptz  NOT NULL,
    terms           text         NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ix_campaign_terms_versions_campaign_id_terms_version ON campaign_terms_versions (campaign_id, terms_version);

CREATE TABLE enrollments (
    id                       uuid         PRIMARY KEY,
    brand_id                 uuid         NOT NULL,
    campaign_id              uuid         NOT NULL REFERENCES campaigns (id),
    creator_id               uuid         NOT NULL,
    status                   text         NOT NULL,
    commission_override      text,
    override_effective_from  timestamptz,
    end_reason               varchar(50),
    version                  bigint       NOT NULL,
    invited_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL
);
-- One enrollment per creator and campaign; the creator index finds what a creator event ends.
CREATE UNIQUE INDEX ix_enrollments_campaign_id_creator_id ON enrollments (campaign_id, creator_id);
CREATE INDEX ix_enrollments_creator_id_status ON enrollments (creator_id, status);

CREATE TABLE deliverables (
    id              uuid           PRIMARY KEY,
    brand_id        uuid           NOT NULL,
    campaign_id     uuid           NOT NULL,
    enrollment_id   uuid           NOT NULL REFERENCES enrollments (id),
    creator_id      uuid           NOT NULL,
    type            text           NOT NULL,
    due_date        date           NOT NULL,
    status          text           NOT NULL,
    submitted_url   varchar(2000),
    submitted_at    timestamptz,
    review_note     varchar(1000),
    fee_amount      numeric(19,4),
    fee_currency    char(3),
    version         bigint         NOT NULL,
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL
);
CREATE INDEX ix_deliverables_enrollment_id ON deliverables (enrollment_id);
-- The quota report counts a campaign's submissions of a type in a month.
CREATE INDEX ix_deliverables_campaign_id_type_submitted_at ON deliverables (campaign_id, type, submitted_at);

-- Approved (and formerly approved) creators as the creators service's events describe them.
CREATE TABLE creator_replicas (
    creator_id       uuid           PRIMARY KEY,
    brand_id         uuid           NOT NULL,
    display_name     varchar(200)   NOT NULL,
    handle           varchar(100),
    country          text           NOT NULL,
    niches           text[]         NOT NULL,
    status           text           NOT NULL,
    tier             text           NOT NULL,
    followers        bigint         NOT NULL,
    engagement_rate  numeric(12,6),
    version          bigint         NOT NULL,
    updated_at       timestamptz    NOT NULL
);
CREATE INDEX ix_creator_replicas_brand_id_status_tier ON creator_replicas (brand_id, status, tier);
