-- A post's rollup gets the same money columns as the creator's and campaign's (commission and
-- fees), so the three share one shape. Nothing fills them yet: the ledger's events carry no post
-- (docs/decisions/0022, "Consequences").
ALTER TABLE post_daily_rollups ADD COLUMN commission numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE post_daily_rollups ADD COLUMN fees numeric(19,4) NOT NULL DEFAULT 0;
