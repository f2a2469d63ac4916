-- Experiments (docs/services/analytics.md, "Experiments"): the experiment as campaigns declared it
-- (newest version wins), each post's variant, and the significance already announced.

CREATE TABLE experiment_dims (
    experiment_id       uuid           PRIMARY KEY,
    brand_id            uuid           NOT NULL,
    campaign_id         uuid           NOT NULL,
    name                varchar(200)   NOT NULL,
    variants            text           NOT NULL,
    control_variant     varchar(40)    NOT NULL,
    assignment          varchar(20)    NOT NULL,
    seed                bigint,
    significance_level  numeric(6,4)   NOT NULL,
    status              varchar(20)    NOT NULL,
    started_at          timestamptz    NOT NULL,
    ended_at            timestamptz,
    version             bigint         NOT NULL,
    updated_at          timestamptz    NOT NULL
);
CREATE INDEX ix_experiment_dims_brand_id ON experiment_dims (brand_id);

ALTER TABLE post_dims ADD COLUMN experiment_id uuid;
ALTER TABLE post_dims ADD COLUMN variant varchar(40);
CREATE INDEX ix_post_dims_experiment_id ON post_dims (experiment_id);

-- One row per (experiment, variant) announced as significant, inserted with the outbox event.
CREATE TABLE experiment_announcements (
    experiment_id  uuid           NOT NULL,
    variant        varchar(40)    NOT NULL,
    brand_id       uuid           NOT NULL,
    announced_at   timestamptz    NOT NULL,
    PRIMARY KEY (experiment_id, variant)
);
