-- The post whose promo code or link attributed an order (ConversionAttributed.PostId), kept with its
-- accrual so the commission and its reversals can be counted per post (docs/services/analytics.md).
-- Accruals booked before this migration belong to no post.
ALTER TABLE commission_accruals ADD COLUMN post_id uuid;
