-- Responses of commands sent with an Idempotency-Key (module "idempotency").
CREATE TABLE idempotency_keys (
    brand_id       uuid        NOT NULL,
    key            varchar(255) NOT NULL,
    request_hash   text        NOT NULL,
    created_at     timestamptz NOT NULL,
    completed_at   timestamptz,
    status_code    integer,
    content_type   text,
    location       text,
    response_body  bytea,
    PRIMARY KEY (brand_id, key)
);
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
