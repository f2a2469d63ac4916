-- The post a deliverable was last submitted as (docs/services/campaigns.md, "Posts"): its fee is
-- that post's cost in the content reports. No foreign key: posts already reference deliverables,
-- and the two rows are written in one save.
ALTER TABLE deliverables ADD COLUMN post_id uuid;
