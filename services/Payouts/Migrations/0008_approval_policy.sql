-- Issue #32: approvals as brand policy. How many members must approve an adjustment or a payout
-- batch, and from which amounts more of them (a JSON document per brand; no row: one approval each).
CREATE TABLE approval_policies (
    brand_id              uuid         PRIMARY KEY,
    document              text         NOT NULL,
    updated_at            timestamptz  NOT NULL,
    updated_by_key_id     uuid,
    updated_by_member_id  uuid
);

-- Each member's approval of an adjustment or a batch; the subject acts when it has as many as it
-- needed when it was requested.
CREATE TABLE approvals (
    id            uuid          PRIMARY KEY,
    brand_id      uuid          NOT NULL,
    subject_type  varchar(30)   NOT NULL,
    subject_id    uuid          NOT NULL,
    member_id     uuid          NOT NULL,
    key_id        uuid,
    party         uuid,
    approved_at   timestamptz   NOT NULL
);
CREATE UNIQUE INDEX ix_approvals_brand_id_subject_type_subject_id_member_id ON approvals (brand_id, subject_type, subject_id, member_id);

ALTER TABLE ledger_adjustments ADD COLUMN approvals_required integer NOT NULL DEFAULT 1;
ALTER TABLE payout_batches ADD COLUMN approvals_required integer NOT NULL DEFAULT 1;
