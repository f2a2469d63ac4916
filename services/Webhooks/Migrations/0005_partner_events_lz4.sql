-- The brands' event logs compress large events (a batch of clicks is one, of up to about 175 KB)
-- with lz4 instead of pglz: several times faster to write and read, for a little less compression
-- (docs/benchmarks.md, "The click pipeline's garbage and storage", #33). New rows only; old ones stay as written.
ALTER TABLE partner_events ALTER COLUMN data SET COMPRESSION lz4;
