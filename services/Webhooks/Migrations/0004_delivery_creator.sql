-- The creator a delivery's event is about, so erasing the creator scrubs the payloads still kept
-- (pending, retrying, or in the delivery log) as the brand's event log is scrubbed.
ALTER TABLE webhook_deliveries ADD COLUMN creator_id uuid NULL;

-- Deliveries made before this column: their event's creator from the log, where the log still keeps it.
UPDATE webhook_deliveries d SET creator_id = e.creator_id
FROM partner_events e
WHERE e.brand_id = d.brand_id AND e.event_id = d.event_id AND e.creator_id IS NOT NULL;

CREATE INDEX ix_webhook_deliveries_brand_id_creator_id ON webhook_deliveries (brand_id, creator_id) WHERE creator_id IS NOT NULL;
