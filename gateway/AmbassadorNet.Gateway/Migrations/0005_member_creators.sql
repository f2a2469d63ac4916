-- Issue #32: a member may also be a creator of the brand's programme (an employee ambassador). The link lets
-- the creators service refuse that member's approval of a change to their own payee details. One member per
-- creator in a brand, or the rule could be dodged by linking the creator to a second member.
ALTER TABLE members ADD COLUMN creator_id uuid NULL;

CREATE UNIQUE INDEX ix_members_brand_id_creator_id ON members (brand_id, creator_id) WHERE creator_id IS NOT NULL;
