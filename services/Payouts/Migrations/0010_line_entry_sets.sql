-- Issue #33 (T5): a payout line records the entries it settles in one row, their ids in an array,
-- instead of one row per entry (docs/decisions/0028-one-row-of-entries-per-payout-line.md). A run of
-- 1,000,000 entries spent 40 % of its time writing the million link rows and their two indexes; the
-- same run writes 100,000 rows here.
--
-- What the link table's keys promised, and how it is kept:
-- * the line exists: checked per statement, as 0003 did for the links;
-- * the set's account is the creator_available account of the line's creator, currency and brand
--   (checked per statement with the line), so every entry of a set belongs to one account;
-- * an entry is settled by at most one line, ever: a set that shares an entry with another set of its
--   account is refused (the run never builds one: its candidates leave out every entry of every set,
--   and runs of a brand take turns on the brand's advisory lock);
-- * sets never change and are never removed: the entries a line settled stay with it, also when the
--   line is voided (the void posts a new available entry, which a later line settles).
-- The ledger invariants of the tests check the rest: each id is an entry on the set's account, and
-- each line's amount is minus the sum of its entries.

CREATE TABLE payout_line_entry_sets (
    line_id     uuid    PRIMARY KEY,
    brand_id    uuid    NOT NULL,
    account_id  uuid    NOT NULL,
    entry_ids   uuid[]  NOT NULL,
    CONSTRAINT ck_payout_line_entry_sets_entry_ids CHECK (cardinality(entry_ids) > 0)
);
CREATE INDEX ix_payout_line_entry_sets_account_id ON payout_line_entry_sets (account_id);

CREATE FUNCTION payout_entry_sets_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT a.line_id, l.id IS NULL AS no_line INTO bad
    FROM added a
    LEFT JOIN payout_lines l ON l.id = a.line_id
    LEFT JOIN ledger_accounts c ON c.id = a.account_id
    WHERE l.id IS NULL OR c.id IS NULL OR c.kind <> 'creator_available' OR c.creator_id <> l.creator_id
       OR c.currency <> l.currency OR c.brand_id <> l.brand_id OR a.brand_id <> l.brand_id
    LIMIT 1;
    IF FOUND AND bad.no_line THEN
        RAISE EXCEPTION 'payout line % does not exist', bad.line_id USING ERRCODE = 'foreign_key_violation';
    ELSIF FOUND THEN
        RAISE EXCEPTION 'the entries of payout line % are not on its creator''s available account in its currency', bad.line_id
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT a.line_id, o.line_id AS other INTO bad
    FROM added a
    JOIN payout_line_entry_sets o ON o.account_id = a.account_id AND o.line_id <> a.line_id AND o.entry_ids && a.entry_ids
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'payout lines % and % settle the same entry', bad.line_id, bad.other USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER payout_line_entry_sets_checked AFTER INSERT ON payout_line_entry_sets
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION payout_entry_sets_check();

CREATE FUNCTION payout_entry_sets_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on payout_line_entry_sets is not allowed: the entries a line settled stay with it, also when it is voided', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER payout_line_entry_sets_kept BEFORE UPDATE OR DELETE OR TRUNCATE ON payout_line_entry_sets
    FOR EACH STATEMENT EXECUTE FUNCTION payout_entry_sets_refuse_change();

-- Existing links become sets, exactly: every link in one set, none lost.
INSERT INTO payout_line_entry_sets (line_id, brand_id, account_id, entry_ids)
SELECT le.line_id, le.brand_id, a.id, array_agg(le.entry_id ORDER BY le.entry_id)
FROM payout_line_entries le
JOIN payout_lines l ON l.id = le.line_id
JOIN ledger_accounts a ON a.brand_id = l.brand_id AND a.currency = l.currency AND a.kind = 'creator_available' AND a.creator_id = l.creator_id
GROUP BY le.line_id, le.brand_id, a.id;

DO $$
BEGIN
    IF (SELECT count(*) FROM payout_line_entries)
       <> (SELECT coalesce(sum(cardinality(entry_ids)), 0) FROM payout_line_entry_sets) THEN
        RAISE EXCEPTION 'payout_line_entries did not convert into payout_line_entry_sets one for one';
    END IF;
END $$;

DROP TABLE payout_line_entries;
DROP FUNCTION payout_links_check_lines();

-- 0003's refusal named the links; accounts and lines are now pointed at by entries and entry sets.
CREATE OR REPLACE FUNCTION ledger_refuse_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: ledger entries and payout entry sets point at its rows', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
