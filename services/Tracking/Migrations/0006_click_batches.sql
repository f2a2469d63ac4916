-- Clicks are announced as counts per batch (ClicksCounted, decision 0032), no longer one by one: the
-- rows of a batch are read back through GET /api/clicks?batchId=. Rows written before have no batch.
-- The batch ids are UUIDv7 taken at write time, so the index grows at its right edge, and the 500 or
-- so rows of a batch share one key (deduplicated in the index).

ALTER TABLE clicks ADD COLUMN batch_id uuid;
CREATE INDEX ix_clicks_batch_id ON clicks (batch_id);
