-- Issue #32: members are erased on request too (MemberErased from the gateway). An erasure names its
-- person by kind and id; the creator erasures recorded so far keep their rows.
ALTER TABLE audit_erasures RENAME COLUMN creator_id TO subject_id;
ALTER TABLE audit_erasures ADD COLUMN subject_kind character varying(10) NOT NULL DEFAULT 'creator';
ALTER TABLE audit_erasures ALTER COLUMN subject_kind DROP DEFAULT;
ALTER TABLE audit_erasures DROP CONSTRAINT audit_erasures_pkey;
ALTER TABLE audit_erasures ADD PRIMARY KEY (brand_id, subject_kind, subject_id);
