-- The payouts service's own tables: replicas of the campaigns service's terms, the double-entry
-- ledger (accounts, journal transactions, entries) and the state behind it (accruals, reversals,
-- settings, holds, adjustments).

-- Every terms version of a campaign, so an order is paid by the terms in force when it was placed.
CREATE TABLE campaign_terms_versions (
    id                   uuid           PRIMARY KEY,
    brand_id             uuid           NOT NULL,
    campaign_id          uuid           NOT NULL,
    terms_version        integer        NOT NULL,
    effective_from       timestamptz    NOT NULL,
    currency             char(3)        NOT NULL,
    holding_period_days  integer        NOT NULL,
    commission_plan      text           NOT NULL,
    deliverable_fee      numeric(19,4),
    recorded_at          timestamptz    NOT NULL
);
CREATE UNIQUE INDEX ix_campaign_terms_versions_campaign_id_terms_version ON campaign_terms_versions (campaign_id, terms_version);

-- Every version of an enrollment seen: its commission override and the time it applies from.
CREATE TABLE enrollment_versions (
    id                   uuid           PRIMARY KEY,
    brand_id             uuid           NOT NULL,
    enrollment_id        uuid           NOT NULL,
    campaign_id          uuid           NOT NULL,
    creator_id           uuid           NOT NULL,
    version              bigint         NOT NULL,
    status               varchar(20)    NOT NULL,
    commission_override  text,
    override_from        timestamptz    NOT NULL,
    recorded_at          timestamptz    NOT NULL
);
CREATE UNIQUE INDEX ix_enrollment_versions_enrollment_id_version ON enrollment_versions (enrollment_id, version);

-- Brand accounts have no creator; NULLS NOT DISTINCT makes (brand, currency, kind) unique for them too.
CREATE TABLE ledger_accounts (
    id          uuid         PRIMARY KEY,
    brand_id    uuid         NOT NULL,
    currency    char(3)      NOT NULL,
    kind        varchar(40)  NOT NULL,
    creator_id  uuid,
    created_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ix_ledger_accounts_brand_id_currency_kind_creator_id
    ON ledger_accounts (brand_id, currency, kind, creator_id) NULLS NOT DISTINCT;
CREATE INDEX ix_ledger_accounts_creator_id ON ledger_accounts (creator_id);

-- One journal transaction per cause: the unique key makes every cause post at most once.
CREATE TABLE journal_transactions (
    id                    uuid          PRIMARY KEY,
    brand_id              uuid          NOT NULL,
    occurred_at           timestamptz   NOT NULL,
    posted_at             timestamptz   NOT NULL,
    cause_type            varchar(40)   NOT NULL,
    cause_id              uuid          NOT NULL,
    cause_ref             varchar(200)  NOT NULL,
    caused_by_key_id      uuid,
    caused_by_message_id  uuid,
    caused_by_job         varchar(50),
    description           varchar(500)  NOT NULL,
    CONSTRAINT ck_journal_transactions_one_cause CHECK (num_nonnulls(caused_by_key_id, caused_by_message_id, caused_by_job) = 1)
);
CREATE UNIQUE INDEX ix_journal_transactions_brand_id_cause_type_cause_id_cause_ref
    ON journal_transactions (brand_id, cause_type, cause_id, cause_ref);
CREATE INDEX ix_journal_transactions_brand_id_posted_at ON journal_transactions (brand_id, posted_at);

-- Amounts are signed: debits positive, credits negative.
CREATE TABLE journal_entries (
    id              uuid           PRIMARY KEY,
    brand_id        uuid           NOT NULL,
    transaction_id  uuid           NOT NULL REFERENCES journal_transactions (id),
    account_id      uuid           NOT NULL REFERENCES ledger_accounts (id),
    currency        char(3)        NOT NULL,
    amount          numeric(19,4)  NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ix_journal_entries_transaction_id ON journal_entries (transaction_id);
CREATE INDEX ix_journal_entries_account_id ON journal_entries (account_id);

-- At commit, every transaction touched must balance per currency and have at least two entries,
-- each in its account's brand and currency. Deferred so the entries of one transaction can be
-- inserted one by one.
CREATE FUNCTION ledger_check_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx uuid;
    unbalanced record;
BEGIN
    -- Separate branches: PL/pgSQL resolves NEW's fields only in the branch that runs.
    IF TG_TABLE_NAME = 'journal_entries' THEN
        tx := NEW.transaction_id;
    ELSE
        tx := NEW.id;
    END IF;
    SELECT e.currency, sum(e.amount) AS total INTO unbalanced
    FROM journal_entries e WHERE e.transaction_id = tx
    GROUP BY e.currency HAVING sum(e.amount) <> 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal transaction % does not balance in %: %', tx, unbalanced.currency, unbalanced.total
            USING ERRCODE = 'check_violation';
    END IF;
    IF (SELECT count(*) FROM journal_entries e WHERE e.transaction_id = tx) < 2 THEN
        RAISE EXCEPTION 'journal transaction % has fewer than two entries', tx USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM journal_entries e
               JOIN ledger_accounts a ON a.id = e.account_id
               JOIN journal_transactions t ON t.id = e.transaction_id
               WHERE e.transaction_id = tx
                 AND (a.currency <> e.currency OR a.brand_id <> e.brand_id OR t.brand_id <> e.brand_id)) THEN
        RAISE EXCEPTION 'journal transaction % has an entry outside its account''s brand or currency', tx
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction();
CREATE CONSTRAINT TRIGGER journal_transactions_balanced AFTER INSERT ON journal_transactions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction();

-- Append-only: corrections are new, reversing transactions.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed; post a reversing transaction', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER journal_transactions_append_only BEFORE UPDATE OR DELETE ON journal_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER journal_transactions_no_truncate BEFORE TRUNCATE ON journal_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- The commission of one attributed conversion, and how much of it was released and reversed.
CREATE TABLE commission_accruals (
    conversion_id           uuid           PRIMARY KEY,
    brand_id                uuid           NOT NULL,
    order_id                varchar(200)   NOT NULL,
    enrollment_id           uuid           NOT NULL,
    campaign_id             uuid           NOT NULL,
    creator_id              uuid           NOT NULL,
    currency                char(3)        NOT NULL,
    order_amount            numeric(19,4)  NOT NULL,
    commission              numeric(19,4)  NOT NULL,
    plan_kind               varchar(20)    NOT NULL,
    from_override           boolean        NOT NULL,
    flat_commission         boolean        NOT NULL,
    terms_version           integer        NOT NULL,
    rank_in_month           integer        NOT NULL,
    ordered_at              timestamptz    NOT NULL,
    releasable_at           timestamptz    NOT NULL,
    accrued_at              timestamptz    NOT NULL,
    transaction_id          uuid,
    released_at             timestamptz,
    released_amount         numeric(19,4),
    release_transaction_id  uuid,
    reversed_amount         numeric(19,4)  NOT NULL,
    cumulative_refunded     numeric(19,4)  NOT NULL
);
CREATE INDEX ix_commission_accruals_releasable_at ON commission_accruals (releasable_at) WHERE released_at IS NULL;

-- One row per refund of a conversion (the shop's refund id), whatever it reversed.
CREATE TABLE commission_reversals (
    id                   uuid           PRIMARY KEY,
    brand_id             uuid           NOT NULL,
    conversion_id        uuid           NOT NULL,
    refund_id            varchar(200)   NOT NULL,
    cumulative_refunded  numeric(19,4)  NOT NULL,
    amount               numeric(19,4)  NOT NULL,
    clawed_back          boolean        NOT NULL,
    transaction_id       uuid,
    recorded_at          timestamptz    NOT NULL
);
CREATE UNIQUE INDEX ix_commission_reversals_conversion_id_refund_id ON commission_reversals (conversion_id, refund_id);

CREATE TABLE payout_settings (
    brand_id           uuid           NOT NULL,
    currency           char(3)        NOT NULL,
    minimum_payout     numeric(19,4)  NOT NULL,
    updated_at         timestamptz    NOT NULL,
    updated_by_key_id  uuid,
    PRIMARY KEY (brand_id, currency)
);

CREATE TABLE payout_holds (
    id                  uuid           PRIMARY KEY,
    brand_id            uuid           NOT NULL,
    creator_id          uuid           NOT NULL,
    reason              varchar(500)   NOT NULL,
    placed_at           timestamptz    NOT NULL,
    placed_by_key_id    uuid,
    lifted_at           timestamptz,
    lifted_by_key_id    uuid
);
CREATE INDEX ix_payout_holds_brand_id_creator_id ON payout_holds (brand_id, creator_id);

CREATE TABLE ledger_adjustments (
    id                   uuid           PRIMARY KEY,
    brand_id             uuid           NOT NULL,
    creator_id           uuid           NOT NULL,
    currency             char(3)        NOT NULL,
    amount               numeric(19,4)  NOT NULL,
    reason               varchar(500)   NOT NULL,
    requested_by_key_id  uuid           NOT NULL,
    requested_at         timestamptz    NOT NULL,
    approved_by_key_id   uuid,
    approved_at          timestamptz,
    transaction_id       uuid
);
CREATE INDEX ix_ledger_adjustments_brand_id_requested_at ON ledger_adjustments (brand_id, requested_at);
