-- Gifts creators received (GiftDelivered): in kind, never cash, so outside the ledger; listed in
-- the payee totals of the year they were delivered (docs/services/payouts.md, "Payee totals").
CREATE TABLE gift_receipts (
    gift_id       uuid           PRIMARY KEY,
    brand_id      uuid           NOT NULL,
    creator_id    uuid           NOT NULL,
    campaign_id   uuid           NOT NULL,
    value         numeric(19,4)  NOT NULL,
    currency      char(3)        NOT NULL,
    delivered_on  date           NOT NULL,
    recorded_at   timestamptz    NOT NULL
);
CREATE INDEX ix_gift_receipts_brand_id_delivered_on ON gift_receipts (brand_id, delivered_on);
