-- Issue #32: a change of a creator's payee details by the brand's staff waits for as many other
-- members' approvals as the brand's approval policy (owned by payouts, replicated here) asks.
CREATE TABLE approval_policy_replicas (
    brand_id                 uuid         PRIMARY KEY,
    payee_details_approvals  integer      NOT NULL,
    occurred_at              timestamptz  NOT NULL
);

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

-- A proposal is now also a staff member's held change: who made it, and how many approvals it needs.
ALTER TABLE payout_profile_proposals
    ADD COLUMN proposed_by_member_id uuid,
    ADD COLUMN proposed_by_party uuid,
    ADD COLUMN approvals_required integer NOT NULL DEFAULT 1;
-- A creator's own proposals answer for their credential.
UPDATE payout_profile_proposals SET proposed_by_party = proposed_by_key_id;
