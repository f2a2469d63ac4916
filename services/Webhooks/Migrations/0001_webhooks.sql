-- The webhooks service's own tables.

CREATE TABLE webhook_subscriptions (
    id                          uuid           PRIMARY KEY,
    brand_id                    uuid           NOT NULL,
    url                         varchar(2000)  NOT NULL,
    description                 varchar(500),
    event_types                 text[]         NOT NULL,
    status                      text           NOT NULL,
    -- Kept readable because signing needs it; shown to the brand only when created or rotated.
    secret                      varchar(100)   NOT NULL,
    previous_secret             varchar(100),
    previous_secret_expires_at  timestamptz,
    consecutive_failures        integer        NOT NULL,
    disabled_reason             varchar(100),
    disabled_at                 timestamptz,
    created_at                  timestamptz    NOT NULL,
    updated_at                  timestamptz    NOT NULL
);
CREATE INDEX ix_webhook_subscriptions_brand_id_status ON webhook_subscriptions (brand_id, status);

CREATE TABLE webhook_deliveries (
    id                uuid          PRIMARY KEY,
    brand_id          uuid          NOT NULL,
    subscription_id   uuid          NOT NULL REFERENCES webhook_subscriptions (id),
    webhook_id        varchar(100)  NOT NULL,
    event_id          uuid          NOT NULL,
    event_type        varchar(200)  NOT NULL,
    payload           text          NOT NULL,
    status            text          NOT NULL,
    attempts          integer       NOT NULL,
    attempts_in_run   integer       NOT NULL,
    next_attempt_at   timestamptz,
    lease_id          uuid,
    lease_expires_at  timestamptz,
    last_status_code  integer,
    created_at        timestamptz   NOT NULL,
    completed_at      timestamptz
);
-- A duplicated event cannot deliver twice to one subscription, even past the inbox.
CREATE UNIQUE INDEX ix_webhook_deliveries_subscription_id_event_id ON webhook_deliveries (subscription_id, event_id);
CREATE INDEX ix_webhook_deliveries_subscription_id_created_at ON webhook_deliveries (subscription_id, created_at);
-- The workers' claim: pending rows that are due.
CREATE INDEX ix_webhook_deliveries_status_next_attempt_at ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE webhook_delivery_attempts (
    id               uuid           PRIMARY KEY,
    brand_id         uuid           NOT NULL,
    delivery_id      uuid           NOT NULL REFERENCES webhook_deliveries (id),
    number           integer        NOT NULL,
    attempted_at     timestamptz    NOT NULL,
    status_code      integer,
    error            varchar(1000),
    latency_ms       integer        NOT NULL,
    response_body    text,
    outcome          text           NOT NULL,
    next_attempt_at  timestamptz
);
CREATE UNIQUE INDEX ix_webhook_delivery_attempts_delivery_id_number ON webhook_delivery_attempts (delivery_id, number);
