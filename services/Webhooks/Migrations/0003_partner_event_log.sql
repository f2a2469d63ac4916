-- The brands' event logs: every public event, per brand, at a position the partner gRPC stream
-- resumes from (docs/decisions/0021-partner-event-log-in-webhooks.md).

-- One row per brand: the newest position given out, and the newest one retention removed. Appenders
-- update it in the transaction that inserts their events, so the row lock makes positions commit in
-- order: a reader never sees position n + 1 before n.
CREATE TABLE partner_event_heads (
    brand_id         uuid    PRIMARY KEY,
    last_position    bigint  NOT NULL,
    expired_through  bigint  NOT NULL
);

CREATE TABLE partner_events (
    brand_id     uuid          NOT NULL,
    position     bigint        NOT NULL,
    event_id     uuid          NOT NULL,
    event_type   varchar(200)  NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    recorded_at  timestamptz   NOT NULL,
    -- The creator the event is about, when it names one: erasure scrubs these rows.
    creator_id   uuid,
    -- Text, not jsonb: partners receive exactly the JSON a webhook carries, digits and key order included.
    data         text          NOT NULL,
    redacted     boolean       NOT NULL,
    PRIMARY KEY (brand_id, position)
);
-- An event is in a brand's log once, even past the inbox.
CREATE UNIQUE INDEX ix_partner_events_brand_id_event_id ON partner_events (brand_id, event_id);
CREATE INDEX ix_partner_events_brand_id_creator_id ON partner_events (brand_id, creator_id) WHERE creator_id IS NOT NULL;
-- Retention deletes by age.
CREATE INDEX ix_partner_events_recorded_at ON partner_events (recorded_at);

-- Creators erased on request: an event about one of them that reaches the log later is scrubbed before it is stored.
CREATE TABLE partner_event_erasures (
    brand_id    uuid         NOT NULL,
    creator_id  uuid         NOT NULL,
    erased_at   timestamptz  NOT NULL,
    PRIMARY KEY (brand_id, creator_id)
);
