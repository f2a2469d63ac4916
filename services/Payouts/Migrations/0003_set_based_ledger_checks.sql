-- Issue 16 (T5): checks that ran once per inserted row become set-based, so a payout run of a
-- million entries is a few statements (docs/decisions/0010-set-based-payout-run.md). Measured here:
-- the balance check of 0001 ran once per row at commit, each time re-summing its transaction (300,000
-- firings, about 16 s, for 100,000 payout lines; O(n²) for one transaction of many entries), and each
-- foreign key ran one lookup per row (a million link rows: 29 s with the key, 10 s without).
--
-- 1. The balance check: every insert into the journal queues the transactions it touched, once per
--    statement; at commit the first queued row's check takes the whole queue off and checks it in one
--    statement. The rules are those of 0001 (balanced per currency, at least two entries, each in its
--    account's brand and currency), and the entry's account and transaction must exist (the foreign
--    keys of journal_entries, checked at commit with the rest instead of per row).
-- 2. The links' line must exist: checked per statement over its transition table instead of per row.
-- 3. What those keys also protected: accounts and payout lines are never deleted and keep their ids.

DROP TRIGGER journal_entries_balanced ON journal_entries;
DROP TRIGGER journal_transactions_balanced ON journal_transactions;
DROP FUNCTION ledger_check_transaction();
ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_account_id_fkey, DROP CONSTRAINT journal_entries_transaction_id_fkey;

-- Journal transactions written in the open database transaction and not checked yet. Rows live only
-- inside a database transaction: the commit-time check deletes them before the commit completes.
CREATE TABLE ledger_unchecked_transactions (
    transaction_id  uuid  PRIMARY KEY
);

CREATE FUNCTION ledger_queue_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_unchecked_transactions (transaction_id)
    SELECT DISTINCT transaction_id FROM inserted
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_queue_transactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_unchecked_transactions (transaction_id)
    SELECT id FROM inserted
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Statement-level with a transition table: one firing per INSERT statement, however many rows.
CREATE TRIGGER journal_entries_queue_check AFTER INSERT ON journal_entries
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_queue_entries();
CREATE TRIGGER journal_transactions_queue_check AFTER INSERT ON journal_transactions
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_queue_transactions();

-- Constraint triggers can only be per row, so each queued transaction fires at commit; the first
-- firing checks the whole queue at once and empties it, the others find their row gone and return.
CREATE FUNCTION ledger_check_queued() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_unchecked_transactions WHERE transaction_id = NEW.transaction_id) THEN
        RETURN NULL;
    END IF;
    WITH queued AS (
        DELETE FROM ledger_unchecked_transactions RETURNING transaction_id
    ), per_currency AS (
        SELECT q.transaction_id, e.currency, count(e.id) AS entries, coalesce(sum(e.amount), 0) AS total,
               coalesce(bool_or(a.currency <> e.currency OR a.brand_id <> e.brand_id OR t.brand_id <> e.brand_id), false) AS misplaced,
               bool_or(e.id IS NOT NULL AND (a.id IS NULL OR t.id IS NULL)) AS dangling
        FROM queued q
        LEFT JOIN journal_entries e ON e.transaction_id = q.transaction_id
        LEFT JOIN ledger_accounts a ON a.id = e.account_id
        LEFT JOIN journal_transactions t ON t.id = e.transaction_id
        GROUP BY q.transaction_id, e.currency
    )
    SELECT transaction_id,
           (array_agg(currency) FILTER (WHERE total <> 0))[1] AS currency,
           (array_agg(total) FILTER (WHERE total <> 0))[1] AS total,
           sum(entries) AS entries,
           bool_or(misplaced) AS misplaced,
           bool_or(dangling) AS dangling
    INTO bad
    FROM per_currency
    GROUP BY transaction_id
    HAVING bool_or(total <> 0) OR sum(entries) < 2 OR bool_or(misplaced) OR bool_or(dangling)
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;
    ELSIF bad.dangling THEN
        RAISE EXCEPTION 'journal transaction % has an entry whose account or transaction does not exist', bad.transaction_id
            USING ERRCODE = 'foreign_key_violation';
    ELSIF bad.total IS NOT NULL THEN
        RAISE EXCEPTION 'journal transaction % does not balance in %: %', bad.transaction_id, bad.currency, bad.total
            USING ERRCODE = 'check_violation';
    ELSIF bad.entries < 2 THEN
        RAISE EXCEPTION 'journal transaction % has fewer than two entries', bad.transaction_id USING ERRCODE = 'check_violation';
    ELSE
        RAISE EXCEPTION 'journal transaction % has an entry outside its account''s brand or currency', bad.transaction_id
            USING ERRCODE = 'check_violation';
    END IF;
END $$;

CREATE CONSTRAINT TRIGGER ledger_unchecked_transactions_checked AFTER INSERT ON ledger_unchecked_transactions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_queued();

-- Only the check itself takes transactions off the queue (it runs inside a trigger, depth 2 here):
-- a session deleting queued rows would otherwise skip the check of its own transactions.
CREATE FUNCTION ledger_refuse_unqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'only the ledger''s commit-time check takes transactions off its queue: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ledger_unchecked_transactions_guard BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_unchecked_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_unqueue();

-- A UUIDv7 stamped with the given time (PostgreSQL 15 has no uuidv7()): ids of rows a set-based
-- statement creates stay time-ordered like those of Ids.New(clock).
CREATE FUNCTION ledger_uuid_v7(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(set_bit(set_bit(
        overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM at) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
        52, 1), 53, 1), 'hex')::uuid
$$;

-- The line of every link exists (it replaces the foreign key payout_line_entries.line_id).
ALTER TABLE payout_line_entries DROP CONSTRAINT payout_line_entries_line_id_fkey;

CREATE FUNCTION payout_links_check_lines() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing uuid;
BEGIN
    SELECT i.line_id INTO missing FROM linked i
    WHERE NOT EXISTS (SELECT 1 FROM payout_lines l WHERE l.id = i.line_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'payout line % does not exist', missing USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER payout_line_entries_line_exists AFTER INSERT ON payout_line_entries
    REFERENCING NEW TABLE AS linked FOR EACH STATEMENT EXECUTE FUNCTION payout_links_check_lines();
CREATE TRIGGER payout_line_entries_line_still_exists AFTER UPDATE ON payout_line_entries
    REFERENCING NEW TABLE AS linked FOR EACH STATEMENT EXECUTE FUNCTION payout_links_check_lines();

-- Rows others point at without a foreign key now: never deleted, never given another id.
CREATE FUNCTION ledger_refuse_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: ledger entries and payout links point at its rows', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ledger_accounts_kept BEFORE DELETE OR TRUNCATE ON ledger_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_removal();
CREATE TRIGGER ledger_accounts_same_id BEFORE UPDATE OF id ON ledger_accounts
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ledger_refuse_removal();
CREATE TRIGGER payout_lines_kept BEFORE DELETE OR TRUNCATE ON payout_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_removal();
CREATE TRIGGER payout_lines_same_id BEFORE UPDATE OF id ON payout_lines
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ledger_refuse_removal();
