-- Issue 16 (T4): the commit-time check of 0003 read the whole journal on every commit.
--
-- Measured with auto_explain during the conversions benchmark: the queue table is nearly always empty
-- but keeps a few pages of dead rows, so the planner estimated ~185 queued transactions and joined
-- them to journal_entries by hash over a sequential scan of every entry (28,160 rows, 22 ms per accrual,
-- growing with the ledger: at a million entries each accrual would read them all).
--
-- The rules, the errors and the queue are those of 0003; only the lookup changes: each queued
-- transaction's entries are summed in a LATERAL subquery keyed by the transaction, which can only run
-- as an index lookup on ix_journal_entries_transaction_id, whatever the estimate of the queue.

CREATE OR REPLACE FUNCTION ledger_check_queued() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_unchecked_transactions WHERE transaction_id = NEW.transaction_id) THEN
        RETURN NULL;
    END IF;
    WITH queued AS (
        DELETE FROM ledger_unchecked_transactions RETURNING transaction_id
    ), per_currency AS (
        SELECT q.transaction_id, s.currency, coalesce(s.entries, 0) AS entries, coalesce(s.total, 0) AS total,
               coalesce(s.misplaced, false) AS misplaced, coalesce(s.dangling, false) AS dangling
        FROM queued q
        LEFT JOIN LATERAL (
            SELECT e.currency, count(*) AS entries, sum(e.amount) AS total,
                   bool_or(a.currency <> e.currency OR a.brand_id <> e.brand_id OR t.brand_id <> e.brand_id) AS misplaced,
                   bool_or(a.id IS NULL OR t.id IS NULL) AS dangling
            FROM journal_entries e
            LEFT JOIN ledger_accounts a ON a.id = e.account_id
            LEFT JOIN journal_transactions t ON t.id = e.transaction_id
            WHERE e.transaction_id = q.transaction_id
            GROUP BY e.currency
        ) s ON true
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
