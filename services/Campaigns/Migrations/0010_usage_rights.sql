-- Usage rights (docs/services/campaigns.md, "Usage rights"): grants held by an agreement version
-- (inherited by the enrollment's posts once accepted) or by a post itself, the record of a post's own
-- being set, the brand's notice thresholds, and the notices sent.

CREATE TABLE usage_grants (
    id            uuid     PRIMARY KEY,
    brand_id      uuid     NOT NULL,
    -- Exactly one holder: an agreement version or a post.
    agreement_id  uuid     REFERENCES agreements (id),
    post_id       uuid     REFERENCES posts (id),
    position      integer  NOT NULL,
    uses          text[]   NOT NULL,
    -- ISO 3166-1 alpha-2 codes, or {*} for worldwide.
    territories   text[]   NOT NULL,
    starts_on     date     NOT NULL,
    ends_on       date,
    may_edit      boolean  NOT NULL,
    CONSTRAINT ck_usage_grants_one_holder CHECK ((agreement_id IS NULL) <> (post_id IS NULL))
);
CREATE INDEX ix_usage_grants_agreement_id ON usage_grants (agreement_id);
CREATE INDEX ix_usage_grants_post_id ON usage_grants (post_id);
-- The notice job finds the brands and grants whose end is near.
CREATE INDEX ix_usage_grants_brand_id_ends_on ON usage_grants (brand_id, ends_on);

-- One row per post whose own rights were ever set; kept when they are cleared.
CREATE TABLE post_usage_rights (
    id                uuid         PRIMARY KEY REFERENCES posts (id),
    brand_id          uuid         NOT NULL,
    set_at            timestamptz  NOT NULL,
    set_by_api_key_id uuid,
    version           bigint       NOT NULL
);

-- One row per brand that set its own thresholds; a brand without one has [30, 7, 1].
CREATE TABLE usage_rights_policies (
    id                     uuid         PRIMARY KEY,
    brand_id               uuid         NOT NULL,
    expiry_notice_days     integer[]    NOT NULL,
    version                bigint       NOT NULL,
    updated_at             timestamptz,
    updated_by_api_key_id  uuid
);
CREATE UNIQUE INDEX ix_usage_rights_policies_brand_id ON usage_rights_policies (brand_id);

-- A notice sent: once per post, end date and threshold (days_before 0: the rights expired). The key makes
-- the job idempotent across passes, restarts and replicas (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE usage_rights_notices (
    post_id      uuid         NOT NULL REFERENCES posts (id),
    ends_on      date         NOT NULL,
    days_before  integer      NOT NULL,
    brand_id     uuid         NOT NULL,
    sent_at      timestamptz  NOT NULL,
    PRIMARY KEY (post_id, ends_on, days_before)
);
