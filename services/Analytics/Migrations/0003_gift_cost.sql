-- Gifts shipped count in a campaign's cost (docs/services/analytics.md): their value, on the day
-- shipped, beside commission and fees. Rows written before this migration had none.
ALTER TABLE daily_rollups ADD COLUMN gifts numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE campaign_daily_rollups ADD COLUMN gifts numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE post_daily_rollups ADD COLUMN gifts numeric(19,4) NOT NULL DEFAULT 0;
