-- Experiments (docs/services/campaigns.md, "Experiments"): a campaign's test of content variants;
-- posts are assigned to a variant when recorded.

CREATE TABLE experiments (
    id                  uuid           PRIMARY KEY,
    brand_id            uuid           NOT NULL,
    campaign_id         uuid           NOT NULL REFERENCES campaigns (id),
    name                varchar(200)   NOT NULL,
    hypothesis          varchar(1000),
    variants            text           NOT NULL,
    control_variant     varchar(40)    NOT NULL,
    assignment          text           NOT NULL,
    seed                bigint,
    significance_level  numeric(6,4)   NOT NULL,
    status              text           NOT NULL,
    ended_at            timestamptz,
    end_reason          varchar(20),
    version             bigint         NOT NULL,
    created_at          timestamptz    NOT NULL,
    updated_at          timestamptz    NOT NULL
);
CREATE INDEX ix_experiments_campaign_id_created_at ON experiments (campaign_id, created_at);

ALTER TABLE posts ADD COLUMN experiment_id uuid REFERENCES experiments (id);
ALTER TABLE posts ADD COLUMN variant varchar(40);
-- A variant's posts, for the experiment's view and its checks.
CREATE INDEX ix_posts_experiment_id_variant ON posts (experiment_id, variant);
