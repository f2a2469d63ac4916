-- Tables every service's database has for messaging (module "messaging").

-- Events written in the same transaction as the state they describe; dispatched rows stay as the
-- service's event log until the retention period passes.
CREATE TABLE outbox_messages (
    id             uuid        PRIMARY KEY,
    message_type   text        NOT NULL,
    body           jsonb       NOT NULL,
    brand_id       uuid        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    trace_parent   text,
    dispatched_at  timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    last_error     text
);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (created_at) WHERE dispatched_at IS NULL;
CREATE INDEX ix_outbox_messages_created_at ON outbox_messages (created_at);

-- One row per message a consumer has applied, written with its effects.
CREATE TABLE inbox_messages (
    message_id    uuid        NOT NULL,
    consumer      text        NOT NULL,
    processed_at  timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
CREATE INDEX ix_inbox_messages_processed_at ON inbox_messages (processed_at);

-- Messages that arrived before their prerequisite; replayed when it arrives.
CREATE TABLE parked_messages (
    id               uuid        PRIMARY KEY,
    message_id       uuid        NOT NULL,
    consumer         text        NOT NULL,
    message_type     text        NOT NULL,
    body             jsonb       NOT NULL,
    brand_id         uuid        NOT NULL,
    prerequisite     text        NOT NULL,
    reason           text        NOT NULL,
    parked_at        timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    last_attempt_at  timestamptz
);
CREATE UNIQUE INDEX ux_parked_messages_message_id_consumer ON parked_messages (message_id, consumer);
CREATE INDEX ix_parked_messages_prerequisite ON parked_messages (prerequisite);
