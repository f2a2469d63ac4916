-- Issue #32: a member erased on request keeps their id (records name who did what) and loses their
-- name, email and identity at the brand's provider; this says when.
ALTER TABLE members ADD COLUMN erased_at timestamp with time zone NULL;
