-- Issue #11: payout runs, batches and their lines, the ledger entries each line settles, the
-- creators' payout profiles (a replica of the creators service) and the provider's settlement files.

-- The newest payout profile of each creator (newest creator version wins); erasure scrubs the reference.
CREATE TABLE creator_payout_profiles (
    creator_id       uuid          PRIMARY KEY,
    brand_id         uuid          NOT NULL,
    version          bigint        NOT NULL,
    method           varchar(40)   NOT NULL,
    currency         char(3)       NOT NULL,
    payee_reference  varchar(200)  NOT NULL,
    tax_form_status  varchar(20)   NOT NULL,
    is_complete      boolean       NOT NULL,
    erased           boolean       NOT NULL,
    updated_at       timestamptz   NOT NULL
);

-- One run per brand and period end: the unique key makes a second run of the period create nothing.
CREATE TABLE payout_runs (
    id                 uuid         PRIMARY KEY,
    brand_id           uuid         NOT NULL,
    period_end         timestamptz  NOT NULL,
    created_at         timestamptz  NOT NULL,
    created_by_key_id  uuid         NOT NULL,
    exclusions         text         NOT NULL
);
CREATE UNIQUE INDEX ix_payout_runs_brand_id_period_end ON payout_runs (brand_id, period_end);

-- One batch per run and currency.
CREATE TABLE payout_batches (
    id                  uuid           PRIMARY KEY,
    brand_id            uuid           NOT NULL,
    run_id              uuid           NOT NULL REFERENCES payout_runs (id),
    currency            char(3)        NOT NULL,
    status              varchar(20)    NOT NULL,
    total               numeric(19,4)  NOT NULL,
    line_count          integer        NOT NULL,
    period_end          timestamptz    NOT NULL,
    created_at          timestamptz    NOT NULL,
    created_by_key_id   uuid           NOT NULL,
    approved_at         timestamptz,
    approved_by_key_id  uuid,
    exported_at         timestamptz,
    exported_by_key_id  uuid,
    voided_at           timestamptz,
    voided_by_key_id    uuid,
    settled_at          timestamptz
);
CREATE UNIQUE INDEX ix_payout_batches_run_id_currency ON payout_batches (run_id, currency);
CREATE INDEX ix_payout_batches_brand_id_created_at ON payout_batches (brand_id, created_at);

-- One creator's payment in a batch; its id is the provider's reference.
CREATE TABLE payout_lines (
    id                  uuid           PRIMARY KEY,
    brand_id            uuid           NOT NULL,
    batch_id            uuid           NOT NULL REFERENCES payout_batches (id),
    creator_id          uuid           NOT NULL,
    currency            char(3)        NOT NULL,
    amount              numeric(19,4)  NOT NULL,
    payee_reference     varchar(200)   NOT NULL,
    status              varchar(20)    NOT NULL,
    transaction_id      uuid           NOT NULL,
    settled_at          timestamptz,
    settle_transaction_id uuid,
    provider_reference  varchar(200),
    failure_reason      varchar(500),
    CONSTRAINT ck_payout_lines_amount CHECK (amount > 0)
);
CREATE INDEX ix_payout_lines_batch_id ON payout_lines (batch_id);
CREATE INDEX ix_payout_lines_creator_id ON payout_lines (creator_id);

-- The available-balance entries a line settles: an entry is settled by at most one line, ever.
-- No foreign key to journal_entries: the ledger's own append-only triggers must stay the first (and
-- only) thing a TRUNCATE of the journal meets; entries are never deleted, and the ledger invariants
-- check every link.
CREATE TABLE payout_line_entries (
    entry_id  uuid  PRIMARY KEY,
    brand_id  uuid  NOT NULL,
    line_id   uuid  NOT NULL REFERENCES payout_lines (id)
);
CREATE INDEX ix_payout_line_entries_line_id ON payout_line_entries (line_id);

-- Each provider file imported for a batch, once (by its SHA-256), with its reconciliation report.
CREATE TABLE settlement_imports (
    id               uuid         PRIMARY KEY,
    brand_id         uuid         NOT NULL,
    batch_id         uuid         NOT NULL REFERENCES payout_batches (id),
    file_sha256      char(64)     NOT NULL,
    imported_at      timestamptz  NOT NULL,
    imported_by_key_id uuid       NOT NULL,
    report           text         NOT NULL
);
CREATE UNIQUE INDEX ix_settlement_imports_batch_id_file_sha256 ON settlement_imports (batch_id, file_sha256);
